package io.cskpi.domain.kpi;

/** A period's churn counts and the lifespans of the customers churned at its end. */
public record LifecycleSummary(ChurnCounts counts, LifespanStats lifespansAtEnd) {}
