package io.cskpi.domain.kpi;

import io.cskpi.domain.Period;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A Net Promoter Score with the counts it came from. Percentages and the score are 0-100 (the
 * score -100..100), unrounded; all values are empty when there is no response.
 *
 * @param score NPS = %promoters - %detractors
 * @param standardError SE = 100 x sqrt((p + d - (p - d)^2) / n), p and d the promoter and
 *     detractor shares, n the responses
 * @param marginOfError95 1.96 x SE
 */
public record Nps(Period period, NpsCounts counts, OptionalDouble score,
    OptionalDouble promoterPercent, OptionalDouble passivePercent,
    OptionalDouble detractorPercent, OptionalDouble standardError,
    OptionalDouble marginOfError95, UndefinedReason undefinedReason) {

  public Nps {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(undefinedReason, "undefinedReason");
  }

  /** n, the number of responses. */
  public long responses() {
    return counts.responses();
  }
}
