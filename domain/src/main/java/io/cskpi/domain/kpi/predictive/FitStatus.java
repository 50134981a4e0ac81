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
  NOT_CONVERGED;

  /**
   * Refuses a fit result whose parts contradict this status: estimates and a log-likelihood exist
   * exactly when converged, a reason exactly when not, and standard errors only for a converged fit,
   * whose note says why when they are missing.
   */
  void requireConsistent(String reason, boolean hasEstimates, boolean hasLogLikelihood, boolean hasStandardErrors,
      String standardErrorNote) {
    boolean converged = this == CONVERGED;
    if (converged != hasEstimates || converged != hasLogLikelihood) {
      throw new IllegalArgumentException("parameters and log-likelihood exist exactly when converged");
    }
    if (converged == !reason.isEmpty()) {
      throw new IllegalArgumentException("a reason is given exactly when the fit failed");
    }
    if (hasStandardErrors && !(converged && standardErrorNote.isEmpty())) {
      throw new IllegalArgumentException("standard errors come from a converged fit, without a note");
    }
    if (converged && !hasStandardErrors && standardErrorNote.isEmpty()) {
      throw new IllegalArgumentException("a converged fit without standard errors says why");
    }
  }
}
