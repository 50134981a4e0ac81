package io.cskpi.domain.kpi.predictive;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A Gamma-Gamma fit: the estimates when {@link FitStatus#CONVERGED}, otherwise a reason and none.
 *
 * @param reason why there are no estimates; empty when converged
 * @param customers histories given to the fit
 * @param fitted repeat buyers with a positive mean value, the customers the model was fitted on
 * @param excludedNonPositiveMean repeat buyers left out because their mean value is &lt;= 0
 * @param standardErrors empty when the Hessian is not positive definite (see standardErrorNote)
 * @param standardErrorNote why standardErrors is empty; empty otherwise
 * @param frequencyValueCorrelation Pearson correlation of x and the mean value over the fitted
 *     customers; the model assumes it is about 0 ({@link #CORRELATION_WARNING}); empty when either
 *     does not vary
 * @param iterations of the Nelder-Mead simplex
 * @param evaluations of the likelihood by both optimisers (not counting the Hessian)
 */
public record GammaGammaFitResult(FitStatus status, String reason, int customers, int fitted,
    int excludedNonPositiveMean, Optional<GammaGammaParameters> parameters,
    Optional<StandardErrors> standardErrors, String standardErrorNote, OptionalDouble logLikelihood,
    OptionalDouble frequencyValueCorrelation, int iterations, int evaluations) {

  /** Above this |correlation| the independence of frequency and value is doubtful. */
  public static final double CORRELATION_WARNING = 0.3;

  /** Standard errors of the estimates, in the natural parameterisation. */
  public record StandardErrors(double p, double q, double gamma) {}

  public GammaGammaFitResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(standardErrors, "standardErrors");
    Objects.requireNonNull(standardErrorNote, "standardErrorNote");
    Objects.requireNonNull(logLikelihood, "logLikelihood");
    Objects.requireNonNull(frequencyValueCorrelation, "frequencyValueCorrelation");
    status.requireConsistent(reason, parameters.isPresent(), logLikelihood.isPresent(), standardErrors.isPresent(),
        standardErrorNote);
  }

  static GammaGammaFitResult failed(FitStatus status, String reason, int customers, int fitted,
      int excluded, OptionalDouble correlation, int iterations, int evaluations) {
    return new GammaGammaFitResult(status, reason, customers, fitted, excluded, Optional.empty(),
        Optional.empty(), "", OptionalDouble.empty(), correlation, iterations, evaluations);
  }

  public boolean converged() {
    return status == FitStatus.CONVERGED;
  }

  /** |correlation of x and mean value| &gt; {@link #CORRELATION_WARNING}. */
  public boolean frequencyAndValueLookDependent() {
    return frequencyValueCorrelation.isPresent()
        && Math.abs(frequencyValueCorrelation.getAsDouble()) > CORRELATION_WARNING;
  }
}
