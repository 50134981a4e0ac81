package io.cskpi.domain.kpi.predictive;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005): while alive a customer buys as a Poisson process
 * of rate lambda ~ Gamma(shape r, rate alpha) and drops out after each repeat purchase with
 * probability p ~ Beta(a, b). Times in the unit of alpha (weeks in this service).
 *
 * <p>The expectations use the 2F1 of the paper after Euler's transformation, 2F1(r+x, b+x; c; z)
 * (1-z)^(r+x) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z), whose parameters no longer grow with x, and
 * with the factor 1 / (a-1) taken into the series (see newPurchasesAfter), so a = 1 and
 * a + b &lt;= 1 need no special case.
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

  public BgNbdParameters {
    check("r", r);
    check("alpha", alpha);
    check("a", a);
    check("b", b);
  }

  private static void check(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
    }
  }

  /** ln L(r, alpha, a, b | x, tx, T), eq. (6) of the paper, in log space: finite for any x. */
  public double logLikelihood(int x, double tx, double T) {
    checkHistory(x, tx, T);
    double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
        + Beta.logBeta(a, b + x) - Beta.logBeta(a, b);
    double stillAlive = -(r + x) * Math.log(alpha + T);
    if (x == 0) {
      return common + stillAlive;
    }
    // B(a+1, b+x-1) / B(a, b+x) = a / (b+x-1)
    double goneAfterTx = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    return common + logSumExp(stillAlive, goneAfterTx);
  }

  public double logLikelihood(CustomerHistory history) {
    return logLikelihood(history.x(), history.tx(), history.T());
  }

  /** P(alive at T | x, tx, T), eq. (A.7); 1 for x = 0 (nobody drops out before a repeat purchase). */
  public double probabilityAlive(int x, double tx, double T) {
    checkHistory(x, tx, T);
    if (x == 0) {
      return 1;
    }
    double logOdds = Math.log(a) - Math.log(b + x - 1)
        + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
    return 1 / (1 + Math.exp(logOdds));
  }

  /** E[X(t)], eq. (7): expected repeat purchases in (0, t] of a customer who bought at 0. */
  public double expectedPurchases(double t) {
    checkTime(t);
    return newPurchasesAfter(t, 0, 0);
  }

  /** P(X(t) = 0) = (alpha / (alpha + t))^r. */
  public double probabilityOfNoPurchase(double t) {
    checkTime(t);
    return Math.exp(r * (Math.log(alpha) - Math.log(alpha + t)));
  }

  /**
   * P(X(t) = n), eq. (8); the tail 1 - sum_(j&lt;n) NBD(j) is taken as the regularized incomplete beta
   * I_(t/(alpha+t))(n, r), so small probabilities keep their digits.
   */
  public double probabilityOfPurchases(int n, double t) {
    checkTime(t);
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logShare = Math.log(t) - Math.log(alpha + t);
    double stillAlive = Math.exp(Beta.logBeta(a, b + n) - Beta.logBeta(a, b)
        + Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0)
        + r * (Math.log(alpha) - Math.log(alpha + t)) + n * logShare);
    if (n == 0) {
      return stillAlive;
    }
    double goneAfterN = Math.exp(Beta.logBeta(a + 1, b + n - 1) - Beta.logBeta(a, b));
    return stillAlive + goneAfterN * Beta.regularizedBeta(t / (alpha + t), n, r);
  }

  /** E[Y(t) | x, tx, T], eq. (10): expected repeat purchases in (T, T + t]. */
  public double conditionalExpectedPurchases(double t, int x, double tx, double T) {
    checkTime(t);
    checkHistory(x, tx, T);
    return newPurchasesAfter(t, x, T) * probabilityAlive(x, tx, T);
  }

  public double conditionalExpectedPurchases(double t, CustomerHistory history) {
    return conditionalExpectedPurchases(t, history.x(), history.tx(), history.T());
  }

  /**
   * (a+b+x-1) / (a-1) [1 - (1-z)^(a-1) F], F = 2F1(a+b-1-r, a-1; a+b+x-1; z), z = t / (alpha+T+t):
   * the expectation of a customer alive at T. With e = a-1, F = 1 + e G, so the value is C Lambda -
   * (1-z)^e C G with Lambda = (1 - (1-z)^e) / e (= -ln(1-z) at e = 0) and C G = (a+b-1-r) z
   * 3F2(a+b-r, a, 1; a+b+x, 2; z), in which 1 / e and 1 / C have cancelled.
   */
  private double newPurchasesAfter(double t, int x, double T) {
    if (t == 0) {
      return 0;
    }
    double z = t / (alpha + T + t);
    double logOneMinusZ = Math.log(alpha + T) - Math.log(alpha + T + t);
    double e = a - 1;
    double lambda = e == 0 ? -logOneMinusZ : -Math.expm1(e * logOneMinusZ) / e;
    double c = a + b + x - 1;
    double shifted = a + b - 1 - r;
    double series = Hypergeometric.series(shifted + 1, a, c + 1, 2, z);
    return c * lambda - Math.exp(e * logOneMinusZ) * shifted * z * series;
  }

  static double logSumExp(double u, double v) {
    double max = Math.max(u, v);
    return max + Math.log1p(Math.exp(Math.min(u, v) - max));
  }

  private static void checkTime(double t) {
    if (!(t >= 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("t must be finite and >= 0, got " + t);
    }
  }

  private static void checkHistory(int x, double tx, double T) {
    CustomerHistory.of(x, tx, T);
  }
}
