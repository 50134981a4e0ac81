package io.cskpi.domain.kpi;

/**
 * A period's churn counts, the customers active at any moment of it, and the lifespans of the
 * customers churned at its end.
 */
public record LifecycleSummary(ChurnCounts counts, long activeDuring, LifespanStats lifespansAtEnd) {}
