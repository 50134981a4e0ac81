package io.cskpi.domain.kpi;

/**
 * The lifespans of the customers churned at an instant: how many, and the sum of their
 * (latest churn - acquisition) in seconds.
 */
public record LifespanStats(long churnedCustomers, long totalLifespanSeconds) {}
