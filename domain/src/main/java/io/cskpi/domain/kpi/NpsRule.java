package io.cskpi.domain.kpi;

import io.cskpi.domain.Period;
import java.util.OptionalDouble;

/**
 * Spec section 4: NPS = %promoters (9-10) - %detractors (0-6); 95 % margin of error 1.96 x SE with
 * SE = 100 x sqrt((p + d - (p - d)^2) / n). No response: undefined (NO_DATA), never 0.
 */
public final class NpsRule {

  /** The normal quantile of a two-sided 95 % interval. */
  public static final double Z_95 = 1.96;

  private NpsRule() {}

  public static Nps score(Period period, NpsCounts counts) {
    long n = counts.responses();
    if (n == 0) {
      OptionalDouble none = OptionalDouble.empty();
      return new Nps(period, counts, none, none, none, none, none, none, UndefinedReason.NO_DATA);
    }
    long promoters = counts.promoters();
    long detractors = counts.detractors();
    double promoterPercent = 100.0 * promoters / n;
    double passivePercent = 100.0 * counts.passives() / n;
    double detractorPercent = 100.0 * detractors / n;
    double score = 100.0 * (promoters - detractors) / n;
    // p + d - (p - d)^2 = ((P + D) n - (P - D)^2) / n^2 in counts: never negative, so no NaN
    double difference = promoters - detractors;
    double variance = Math.max(0.0,
        ((double) (promoters + detractors) * n - difference * difference) / ((double) n * n));
    double standardError = 100.0 * Math.sqrt(variance / n);
    return new Nps(period, counts, OptionalDouble.of(score), OptionalDouble.of(promoterPercent),
        OptionalDouble.of(passivePercent), OptionalDouble.of(detractorPercent),
        OptionalDouble.of(standardError), OptionalDouble.of(Z_95 * standardError),
        UndefinedReason.NONE);
  }
}
