package io.cskpi.domain.kpi;

import io.cskpi.domain.Period;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Spec section 5: CSAT = satisfied responses / all responses x 100, summed over the surveys, each
 * response counted against its own survey's threshold; with the 95 % Wilson score interval.
 * No answered response: undefined (NO_DATA), never 0.
 */
public final class CsatRule {

  /** The normal quantile of a two-sided 95 % interval. */
  public static final double Z_95 = 1.96;

  private CsatRule() {}

  public static Csat rate(Period period, List<CsatSurveyCounts> surveys) {
    Set<String> ids = new HashSet<>();
    long answered = 0;
    long satisfied = 0;
    long scoreSum = 0;
    CsatScale meanScale = null;
    boolean oneScale = true;
    for (CsatSurveyCounts survey : surveys) {
      if (!ids.add(survey.surveyId())) {
        throw new IllegalArgumentException("survey " + survey.surveyId() + " is counted twice");
      }
      if (survey.answered() == 0) {
        continue;
      }
      answered = Math.addExact(answered, survey.answered());
      satisfied = Math.addExact(satisfied, survey.satisfied());
      scoreSum = Math.addExact(scoreSum, survey.scoreSum());
      if (meanScale == null) {
        meanScale = survey.scale();
      } else if (meanScale.min() != survey.scale().min() || meanScale.max() != survey.scale().max()) {
        oneScale = false;
      }
    }
    if (answered == 0) {
      OptionalDouble none = OptionalDouble.empty();
      return new Csat(period, surveys, 0, 0, none, none, none, none, UndefinedReason.NO_DATA);
    }
    double rate = 100.0 * satisfied / answered;
    double[] wilson = wilson95(satisfied, answered);
    OptionalDouble mean = oneScale ? OptionalDouble.of((double) scoreSum / answered) : OptionalDouble.empty();
    return new Csat(period, surveys, answered, satisfied, OptionalDouble.of(rate),
        OptionalDouble.of(wilson[0]), OptionalDouble.of(wilson[1]), mean, UndefinedReason.NONE);
  }

  /**
   * The Wilson score interval of successes / n, on the 0-100 scale:
   * (p + z^2/2n -/+ z sqrt(p(1 - p)/n + z^2/4n^2)) / (1 + z^2/n), clamped to [0, 100] against
   * rounding at p = 0 and p = 1.
   */
  private static double[] wilson95(long successes, long n) {
    double p = (double) successes / n;
    double z2 = Z_95 * Z_95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double halfWidth = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    double low = Math.max(0.0, centre - halfWidth);
    double high = Math.min(1.0, centre + halfWidth);
    return new double[] {100.0 * low, 100.0 * high};
  }
}
