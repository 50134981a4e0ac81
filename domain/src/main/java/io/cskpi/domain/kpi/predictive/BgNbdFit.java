package io.cskpi.domain.kpi.predictive;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Maximum-likelihood fit of the BG/NBD model (spec section 2, PREDICTIVE). Starts like lifetimes,
 * at r = a = b = 1 and alpha = max(T) / 10 (lifetimes' 1 on times scaled to max(T) = 10).
 */
public final class BgNbdFit {

  /** Below this the four parameters are not identified: {@link FitStatus#TOO_FEW_CUSTOMERS}. */
  public static final int MIN_CUSTOMERS = 10;
  private static final String[] NAMES = {"r", "alpha", "a", "b"};

  private BgNbdFit() {}

  public static BgNbdFitResult fit(List<CustomerHistory> customers) {
    int n = customers.size();
    int repeatBuyers = 0;
    double maxT = 0;
    for (CustomerHistory customer : customers) {
      repeatBuyers += customer.isRepeatBuyer() ? 1 : 0;
      maxT = Math.max(maxT, customer.T());
    }
    if (n < MIN_CUSTOMERS) {
      return BgNbdFitResult.failed(FitStatus.TOO_FEW_CUSTOMERS,
          "the BG/NBD fit needs at least " + MIN_CUSTOMERS + " customers, got " + n, n, repeatBuyers, 0, 0);
    }
    if (repeatBuyers == 0) {
      // ln L = sum r ln(alpha / (alpha + T)) grows towards r -> 0: no maximum
      return BgNbdFitResult.failed(FitStatus.NO_REPEAT_BUYERS,
          "none of the " + n + " customers bought again: purchase rates cannot be estimated", n, 0, 0, 0);
    }
    BgNbdLikelihood likelihood = new BgNbdLikelihood(customers);
    MaximumLikelihood.Outcome outcome = MaximumLikelihood.maximize(likelihood::logLikelihood,
        new double[] {1, maxT / 10, 1, 1}, NAMES);
    if (outcome.status() != FitStatus.CONVERGED) {
      return BgNbdFitResult.failed(outcome.status(), outcome.reason(), n, repeatBuyers,
          outcome.iterations(), outcome.evaluations());
    }
    double[] e = outcome.estimates();
    Optional<BgNbdFitResult.StandardErrors> errors = outcome.standardErrors()
        .map(s -> new BgNbdFitResult.StandardErrors(s[0], s[1], s[2], s[3]));
    return new BgNbdFitResult(FitStatus.CONVERGED, "", n, repeatBuyers,
        Optional.of(new BgNbdParameters(e[0], e[1], e[2], e[3])), errors, outcome.standardErrorNote(),
        OptionalDouble.of(outcome.logLikelihood()), outcome.iterations(), outcome.evaluations());
  }
}
