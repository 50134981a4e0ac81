package io.cskpi.domain.kpi;

import io.cskpi.domain.Period;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A CSAT rate over one or more surveys, each counted against its own threshold. Percentages are
 * 0-100, unrounded; all values are empty when no response was answered.
 *
 * @param answered n, the answered responses of all surveys
 * @param satisfied the satisfied ones among them
 * @param ratePercent satisfied / answered x 100
 * @param wilsonLowPercent lower end of the 95 % Wilson score interval of the rate (z = 1.96)
 * @param wilsonHighPercent upper end of that interval
 * @param meanScore mean answered score; present only when every survey with answers has the same
 *     scale (min and max), since means over different scales do not add up
 */
public record Csat(Period period, List<CsatSurveyCounts> surveys, long answered, long satisfied,
    OptionalDouble ratePercent, OptionalDouble wilsonLowPercent, OptionalDouble wilsonHighPercent,
    OptionalDouble meanScore, UndefinedReason undefinedReason) {

  public Csat {
    Objects.requireNonNull(period, "period");
    surveys = List.copyOf(surveys);
    Objects.requireNonNull(undefinedReason, "undefinedReason");
  }
}
