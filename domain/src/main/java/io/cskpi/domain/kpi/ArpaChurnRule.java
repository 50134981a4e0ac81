package io.cskpi.domain.kpi;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Spec section 2, the ARPA_CHURN method: CLV = ARPA / monthly churn (as a fraction).
 *
 * <p>ARPA = sum of revenue / sum of active customers over the months; monthly churn = sum of
 * churned / sum of customers at start over the months. CLV is computed as the one exact fraction
 * (sumRevenue x sumCustomersAtStart) / (sumActiveCustomers x sumChurned), divided once with
 * DECIMAL128 and rounded half up to the currency's minor unit: no intermediate rounding.
 */
public final class ArpaChurnRule {

  private static final MathContext MC = MathContext.DECIMAL128;

  private ArpaChurnRule() {}

  /**
   * No months or no active customers: NO_DATA. Churn 0 or no customers at start:
   * ZERO_DENOMINATOR, with ARPA still reported.
   */
  public static ArpaChurnClv clv(Period period, String currencyCode, List<MonthFigures> months) {
    Set<String> labels = new HashSet<>();
    BigDecimal revenue = BigDecimal.ZERO;
    long active = 0;
    long atStart = 0;
    long churned = 0;
    for (MonthFigures month : months) {
      if (!labels.add(month.label())) {
        throw new IllegalArgumentException("month " + month.label() + " is counted twice");
      }
      revenue = revenue.add(month.revenue());
      active = Math.addExact(active, month.activeCustomers());
      atStart = Math.addExact(atStart, month.customersAtStart());
      churned = Math.addExact(churned, month.churned());
    }
    Optional<BigDecimal> arpa = active == 0 ? Optional.empty()
        : Optional.of(revenue.divide(BigDecimal.valueOf(active), MC));
    OptionalDouble churnPercent = atStart == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(100.0 * churned / atStart);
    if (arpa.isEmpty()) {
      return new ArpaChurnClv(period, currencyCode, months, arpa, churnPercent, Optional.empty(),
          UndefinedReason.NO_DATA);
    }
    if (churned == 0) {
      return new ArpaChurnClv(period, currencyCode, months, arpa, churnPercent, Optional.empty(),
          UndefinedReason.ZERO_DENOMINATOR);
    }
    BigDecimal clv = revenue.multiply(BigDecimal.valueOf(atStart))
        .divide(BigDecimal.valueOf(active).multiply(BigDecimal.valueOf(churned)), MC);
    return new ArpaChurnClv(period, currencyCode, months, arpa, churnPercent,
        Optional.of(Money.roundedToMinorUnit(clv, currencyCode)), UndefinedReason.NONE);
  }
}
