package io.cskpi.domain.kpi.predictive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Maximum-likelihood fit of the Gamma-Gamma spend model on the repeat buyers (x &gt; 0) with a
 * positive mean repeat value; repeat buyers with a mean &lt;= 0 are left out and counted. Starts at
 * p = q = 1 and gamma = the mean of the mean values (gamma scales with the currency, so the start
 * does too).
 */
public final class GammaGammaFit {

  /** Below this many usable repeat buyers: {@link FitStatus#TOO_FEW_CUSTOMERS}. */
  public static final int MIN_CUSTOMERS = 10;
  private static final String[] NAMES = {"p", "q", "gamma"};

  private GammaGammaFit() {}

  public static GammaGammaFitResult fit(List<CustomerHistory> customers) {
    List<CustomerHistory> used = new ArrayList<>();
    int excluded = 0;
    for (CustomerHistory customer : customers) {
      if (customer.isRepeatBuyer()) {
        if (customer.meanRepeatValue() > 0) {
          used.add(customer);
        } else {
          excluded++;
        }
      }
    }
    int n = used.size();
    OptionalDouble correlation = correlation(used);
    if (n == 0) {
      return GammaGammaFitResult.failed(FitStatus.NO_REPEAT_BUYERS, "no repeat buyer with a positive mean value"
          + " among the " + customers.size() + " customers", customers.size(), 0, excluded, correlation, 0, 0);
    }
    if (n < MIN_CUSTOMERS) {
      return GammaGammaFitResult.failed(FitStatus.TOO_FEW_CUSTOMERS, "the Gamma-Gamma fit needs at least "
          + MIN_CUSTOMERS + " repeat buyers with a positive mean value, got " + n, customers.size(), n, excluded,
          correlation, 0, 0);
    }
    int[] x = new int[n];
    double[] m = new double[n];
    double meanOfMeans = 0;
    for (int i = 0; i < n; i++) {
      x[i] = used.get(i).x();
      m[i] = used.get(i).meanRepeatValue();
      meanOfMeans += m[i] / n;
    }
    MaximumLikelihood.Outcome outcome = MaximumLikelihood.maximize(theta -> {
      GammaGammaParameters parameters = new GammaGammaParameters(theta[0], theta[1], theta[2]);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += parameters.logLikelihood(x[i], m[i]);
      }
      return sum;
    }, new double[] {1, 1, meanOfMeans}, NAMES);
    if (outcome.status() != FitStatus.CONVERGED) {
      return GammaGammaFitResult.failed(outcome.status(), outcome.reason(), customers.size(), n, excluded,
          correlation, outcome.iterations(), outcome.evaluations());
    }
    double[] e = outcome.estimates();
    Optional<GammaGammaFitResult.StandardErrors> errors = outcome.standardErrors()
        .map(s -> new GammaGammaFitResult.StandardErrors(s[0], s[1], s[2]));
    return new GammaGammaFitResult(FitStatus.CONVERGED, "", customers.size(), n, excluded,
        Optional.of(new GammaGammaParameters(e[0], e[1], e[2])), errors, outcome.standardErrorNote(),
        OptionalDouble.of(outcome.logLikelihood()), correlation, outcome.iterations(), outcome.evaluations());
  }

  /** Pearson correlation of x and the mean value; empty with fewer than 2 customers or no spread. */
  static OptionalDouble correlation(List<CustomerHistory> customers) {
    int n = customers.size();
    if (n < 2) {
      return OptionalDouble.empty();
    }
    double meanX = 0;
    double meanM = 0;
    for (CustomerHistory c : customers) {
      meanX += (double) c.x() / n;
      meanM += c.meanRepeatValue() / n;
    }
    double sxx = 0;
    double smm = 0;
    double sxm = 0;
    for (CustomerHistory c : customers) {
      double dx = c.x() - meanX;
      double dm = c.meanRepeatValue() - meanM;
      sxx += dx * dx;
      smm += dm * dm;
      sxm += dx * dm;
    }
    if (sxx == 0 || smm == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.max(-1, Math.min(1, sxm / Math.sqrt(sxx * smm))));
  }
}
