package io.cskpi.domain.kpi.predictive;

/**
 * The periods a predictive CLV sums over, in the model's time unit (weeks), and the discount rate
 * per period.
 *
 * @param periods how many periods, &gt;= 1
 * @param periodLength length of one period in weeks, &gt; 0
 * @param discountPerPeriod discount rate per period, e.g. 0.01; &gt;= 0
 */
public record ClvHorizon(int periods, double periodLength, double discountPerPeriod) {

  /** A calendar month in weeks: 365.25 / 12 days / 7. */
  public static final double MONTH_IN_WEEKS = 365.25 / 12 / 7;
  /** The spec's default: 12 months discounted 1 % a month. */
  public static final ClvHorizon DEFAULT = months(12, 0.01);

  public ClvHorizon {
    discountPerPeriod += 0.0; // -0.0 is 0: a retried fit has the same settings
    if (periods < 1) {
      throw new IllegalArgumentException("need at least one period, got " + periods);
    }
    if (!(periodLength > 0) || !Double.isFinite(periodLength)) {
      throw new IllegalArgumentException("period length must be finite and > 0, got " + periodLength);
    }
    if (!(discountPerPeriod >= 0) || !Double.isFinite(discountPerPeriod)) {
      throw new IllegalArgumentException("discount rate must be finite and >= 0, got " + discountPerPeriod);
    }
  }

  /** {@code months} calendar months (365.25 / 12 days each) with a monthly discount rate. */
  public static ClvHorizon months(int months, double monthlyDiscount) {
    return new ClvHorizon(months, MONTH_IN_WEEKS, monthlyDiscount);
  }

  /** The whole horizon in weeks: 12 months are 365.25 / 7 = 52.18 weeks, not 52 or 48. */
  public double length() {
    return periods * periodLength;
  }
}
