package io.cskpi.domain.kpi.predictive;

/**
 * What the BG/NBD and Gamma-Gamma models know of one customer at the calibration end (spec
 * section 2, PREDICTIVE). Times are in the model's unit, weeks = days / 7, counted from the first
 * purchase.
 *
 * @param x repeat purchase days (several purchases on one day are one), &gt;= 0
 * @param tx time of the last repeat purchase: 0 when x = 0, else in (0, T]
 * @param T time from the first purchase to the calibration end, &gt;= tx
 * @param meanRepeatValue mean value of the repeat purchases; only meaningful when x &gt; 0 (may be
 *     &lt;= 0 after refunds: the spend model then leaves the customer out)
 */
public record CustomerHistory(int x, double tx, double T, double meanRepeatValue) {

  public CustomerHistory {
    if (x < 0) {
      throw new IllegalArgumentException("x (repeat purchase days) is negative: " + x);
    }
    if (!Double.isFinite(T) || T < 0) {
      throw new IllegalArgumentException("T must be finite and >= 0, got " + T);
    }
    if (!Double.isFinite(tx) || tx < 0 || tx > T) {
      throw new IllegalArgumentException("tx must be in [0, T = " + T + "], got " + tx);
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException("tx must be 0 when x = 0, got " + tx);
    }
    if (x > 0 && tx == 0) {
      throw new IllegalArgumentException("a repeat purchase comes after the first one: tx > 0 when x > 0");
    }
    if (!Double.isFinite(meanRepeatValue)) {
      throw new IllegalArgumentException("meanRepeatValue must be finite, got " + meanRepeatValue);
    }
  }

  /** A history without spend, for the purchase model alone. */
  public static CustomerHistory of(int x, double tx, double T) {
    return new CustomerHistory(x, tx, T, 0);
  }

  public boolean isRepeatBuyer() {
    return x > 0;
  }
}
