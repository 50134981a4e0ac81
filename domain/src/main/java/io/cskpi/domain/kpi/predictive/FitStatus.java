package io.cskpi.domain.kpi.predictive;

/**
 * How a maximum-likelihood fit ended. Every value but {@link #CONVERGED} is a precondition the data
 * did not meet (the fit results carry a reason for the caller's FAILED_PRECONDITION).
 */
public enum FitStatus {
  /** An interior maximum was found: the parameters are there. */
  CONVERGED,
  /** Fewer customers than the model's minimum (10 for both models). */
  TOO_FEW_CUSTOMERS,
  /** Nobody bought again: the likelihood grows without bound towards a degenerate model. */
  NO_REPEAT_BUYERS,
  /**
   * The optimiser ran out of evaluations, met a non-finite likelihood or a parameter ran off to 0 or
   * infinity (the likelihood has no interior maximum on these data).
   */
  NOT_CONVERGED
}
