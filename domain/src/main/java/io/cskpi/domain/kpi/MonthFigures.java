package io.cskpi.domain.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One month's subscription figures for CLV by ARPA_CHURN, in the currency of the request.
 *
 * @param label the month, for people (e.g. "2025-01")
 * @param revenue the month's revenue, exact (net of refunds, so it may be negative)
 * @param activeCustomers customers active in the month, the ARPA denominator
 * @param customersAtStart customers active at the month start, the churn denominator
 * @param churned customers of {@code customersAtStart} churned by the month end
 */
public record MonthFigures(String label, BigDecimal revenue, long activeCustomers,
    long customersAtStart, long churned) {

  public MonthFigures {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(revenue, "revenue");
    if (activeCustomers < 0) {
      throw new IllegalArgumentException(
          "month " + label + ": activeCustomers is negative: " + activeCustomers);
    }
    if (churned > customersAtStart || customersAtStart < 0 || churned < 0) {
      throw new IllegalArgumentException("month " + label
          + ": need 0 <= churned <= customersAtStart, got " + churned + " of " + customersAtStart);
    }
  }
}
