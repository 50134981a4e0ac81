package io.cskpi.domain.kpi;

/** Which customers a retention cost is divided by (spec section 3). */
public enum RetentionCostDenominator {
  /** The default: active at the period start and still active at its end. */
  RETAINED,
  /** All customers active at the period start. */
  ACTIVE_AT_START,
  /** All customers active at any moment of the period. */
  ACTIVE_DURING
}
