package io.cskpi.domain.kpi;

import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Period;
import java.util.OptionalDouble;

/** Spec section 1: churn rate = C / S x 100, retention = (S - C) / S x 100; S = 0 is undefined. */
public final class ChurnRule {

  private ChurnRule() {}

  public static ChurnRate rate(Period period, ChurnPolicy policy, ChurnCounts counts) {
    if (counts.atStart() == 0) {
      return new ChurnRate(period, policy, counts, OptionalDouble.empty(), OptionalDouble.empty(),
          UndefinedReason.ZERO_DENOMINATOR);
    }
    double rate = 100.0 * counts.churned() / counts.atStart();
    double retention = 100.0 * (counts.atStart() - counts.churned()) / counts.atStart();
    return new ChurnRate(period, policy, counts, OptionalDouble.of(rate), OptionalDouble.of(retention),
        UndefinedReason.NONE);
  }
}
