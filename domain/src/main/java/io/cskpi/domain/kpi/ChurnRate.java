package io.cskpi.domain.kpi;

import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Period;
import java.util.OptionalDouble;

/** A churn rate with everything needed to recompute it by hand. Percentages are 0-100, unrounded. */
public record ChurnRate(Period period, ChurnPolicy policy, ChurnCounts counts,
    OptionalDouble ratePercent, OptionalDouble retentionRatePercent, UndefinedReason undefinedReason) {}
