package io.cskpi.domain.kpi.predictive;

import java.util.OptionalDouble;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005; Hardie's note 025): each purchase of a
 * customer is worth ~ Gamma(p, nu), nu ~ Gamma(q, gamma) across customers, so a customer's mean
 * purchase value is p / nu with population mean p gamma / (q - 1), finite only when q &gt; 1.
 */
public record GammaGammaParameters(double p, double q, double gamma) {

  public GammaGammaParameters {
    check("p", p);
    check("q", q);
    check("gamma", gamma);
  }

  private static void check(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
    }
  }

  /** q &gt; 1: the spend per purchase has a finite mean, so a CLV exists. */
  public boolean hasFiniteMeanSpend() {
    return q > 1;
  }

  /** p gamma / (q - 1); empty when q &lt;= 1 (no finite mean spend), never a negative value. */
  public OptionalDouble populationMeanValue() {
    return hasFiniteMeanSpend() ? OptionalDouble.of(p * gamma / (q - 1)) : OptionalDouble.empty();
  }

  /**
   * E[mean value | x, mean of the x repeat purchases] = p (gamma + x m) / (p x + q - 1); the
   * population mean for x = 0. Empty when q &lt;= 1: although the posterior mean of a repeat buyer
   * exists once p x + q &gt; 1, a population without a finite mean spend gives no CLV.
   *
   * @throws IllegalArgumentException when x &lt; 0, or x &gt; 0 and the mean value is not positive (the
   *     model describes positive values only; the fit leaves such customers out)
   */
  public OptionalDouble conditionalExpectedMeanValue(int x, double meanValue) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be >= 0, got " + x);
    }
    if (x > 0 && (!(meanValue > 0) || !Double.isFinite(meanValue))) {
      throw new IllegalArgumentException("the Gamma-Gamma model needs a positive mean value, got " + meanValue);
    }
    if (!hasFiniteMeanSpend()) {
      return OptionalDouble.empty();
    }
    if (x == 0) {
      return populationMeanValue();
    }
    return OptionalDouble.of(p * (gamma + x * meanValue) / (p * x + q - 1));
  }

  public OptionalDouble conditionalExpectedMeanValue(CustomerHistory history) {
    return conditionalExpectedMeanValue(history.x(), history.meanRepeatValue());
  }

  /**
   * ln of the density of the mean m of x &gt; 0 purchase values: lnGamma(px+q) - lnGamma(px) -
   * lnGamma(q) + q ln gamma + (px-1) ln m + px ln x - (px+q) ln(gamma + x m).
   */
  public double logLikelihood(int x, double meanValue) {
    if (x <= 0 || !(meanValue > 0) || !Double.isFinite(meanValue)) {
      throw new IllegalArgumentException("need x > 0 and a positive mean value, got x = " + x + ", m = "
          + meanValue);
    }
    double px = p * x;
    return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
        + (px - 1) * Math.log(meanValue) + px * Math.log(x) - (px + q) * Math.log(gamma + x * meanValue);
  }
}
