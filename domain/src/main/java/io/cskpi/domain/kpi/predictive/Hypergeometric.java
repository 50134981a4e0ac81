package io.cskpi.domain.kpi.predictive;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 &lt;= z &lt; 1, summed as its power series.
 *
 * <p>Convergence criterion: the series is sum t_k with t_0 = 1 and t_(k+1) / t_k = z (a+k)(b+k) /
 * ((c+k)(d+k)), d = 1 for 2F1. With c, d &gt; 0 the ratio is z (1 + e(k)), where |e(k)| &lt;= |a+b-c-d| / k
 * + |ab-cd| / k^2, which only falls with k. So once k &gt; max(-a, -b, 0) (all further terms have one
 * sign) and rho_k = z (1 + |a+b-c-d| / k + |ab-cd| / k^2) &lt; 1, the rest of the series is at most
 * |t_k| rho_k / (1 - rho_k): summing stops when that bound is below {@link #RELATIVE_TOLERANCE} times
 * the partial sum. A term that becomes 0 (a or b a non-positive integer) ends a polynomial exactly.
 * The cost grows like 1 / (1 - z); past {@link #MAX_TERMS} terms it throws rather than guess.
 */
public final class Hypergeometric {

  /** Bound on the relative size of the discarded tail. */
  public static final double RELATIVE_TOLERANCE = 1e-15;
  /** Enough for z up to about 1 - 1e-5. */
  public static final int MAX_TERMS = 10_000_000;

  private Hypergeometric() {}

  /** 2F1(a, b; c; z) for c &gt; 0 and 0 &lt;= z &lt; 1. */
  public static double hyp2f1(double a, double b, double c, double z) {
    return series(a, b, c, 1, z);
  }

  /**
   * sum_k (a)_k (b)_k / ((c)_k (d)_k) z^k for c, d &gt; 0 and 0 &lt;= z &lt; 1 (with d = 1 it is 2F1, with
   * d = 2 the 3F2(a, b, 1; c, 2; z) of {@link BgNbdParameters}).
   */
  static double series(double a, double b, double c, double d, double z) {
    if (!(c > 0) || !(d > 0) || !Double.isFinite(c) || !Double.isFinite(d)) {
      throw new IllegalArgumentException("need c, d > 0 and finite, got c = " + c + ", d = " + d);
    }
    if (!(z >= 0 && z < 1) || !Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("need finite a, b and 0 <= z < 1, got a = " + a + ", b = " + b
          + ", z = " + z);
    }
    double linear = Math.abs(a + b - c - d);
    double constant = Math.abs(a * b - c * d);
    double signFrom = Math.max(0, Math.max(-a, -b));
    double term = 1;
    double sum = 1;
    for (int k = 0; k < MAX_TERMS; k++) {
      term *= z * (a + k) * (b + k) / ((c + k) * (d + k));
      sum += term;
      if (term == 0) {
        return sum;
      }
      int next = k + 1;
      if (next > signFrom) {
        double rho = z * (1 + linear / next + constant / ((double) next * next));
        if (rho < 1 && Math.abs(term) * rho / (1 - rho) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
          return sum;
        }
      }
    }
    throw new ArithmeticException("2F1 series did not converge in " + MAX_TERMS + " terms (z = " + z + ")");
  }
}
