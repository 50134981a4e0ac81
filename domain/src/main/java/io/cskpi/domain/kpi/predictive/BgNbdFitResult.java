package io.cskpi.domain.kpi.predictive;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A BG/NBD fit: the estimates when {@link FitStatus#CONVERGED}, otherwise a reason and none.
 *
 * @param reason why there are no estimates; empty when converged
 * @param customers histories given to the fit
 * @param repeatBuyers of them with x &gt; 0
 * @param standardErrors empty when the Hessian is not positive definite (see standardErrorNote)
 * @param standardErrorNote why standardErrors is empty; empty otherwise
 * @param logLikelihood the maximised sum of ln L
 * @param iterations of the Nelder-Mead simplex
 * @param evaluations of the likelihood by both optimisers (not counting the Hessian)
 */
public record BgNbdFitResult(FitStatus status, String reason, int customers, int repeatBuyers,
    Optional<BgNbdParameters> parameters, Optional<StandardErrors> standardErrors,
    String standardErrorNote, OptionalDouble logLikelihood, int iterations, int evaluations) {

  /** Standard errors of the estimates, in the natural parameterisation. */
  public record StandardErrors(double r, double alpha, double a, double b) {}

  public BgNbdFitResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(standardErrors, "standardErrors");
    Objects.requireNonNull(standardErrorNote, "standardErrorNote");
    Objects.requireNonNull(logLikelihood, "logLikelihood");
    status.requireConsistent(reason, parameters.isPresent(), logLikelihood.isPresent(), standardErrors.isPresent(),
        standardErrorNote);
  }

  static BgNbdFitResult failed(FitStatus status, String reason, int customers, int repeatBuyers,
      int iterations, int evaluations) {
    return new BgNbdFitResult(status, reason, customers, repeatBuyers, Optional.empty(), Optional.empty(),
        "", OptionalDouble.empty(), iterations, evaluations);
  }

  public boolean converged() {
    return status == FitStatus.CONVERGED;
  }
}
