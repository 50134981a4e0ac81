package io.cskpi.domain.kpi;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * CLV by the ARPA_CHURN method, CLV = ARPA / monthly churn, with its components.
 *
 * @param months the monthly figures it came from, oldest first
 * @param arpaPerMonth ARPA = sum of revenue / sum of active customers over the months, in
 *     {@code currencyCode}, unrounded (34 significant digits); empty without active customers
 * @param monthlyChurnPercent sum of churned / sum of customers at start x 100 (customer-weighted
 *     average monthly churn), 0-100 unrounded; empty without customers at start
 * @param value CLV rounded half up to the currency's minor unit; empty when undefined
 */
public record ArpaChurnClv(Period period, String currencyCode, List<MonthFigures> months,
    Optional<BigDecimal> arpaPerMonth, OptionalDouble monthlyChurnPercent, Optional<Money> value,
    UndefinedReason undefinedReason) {

  public ArpaChurnClv {
    Objects.requireNonNull(period, "period");
    Money.zero(currencyCode); // validates the ISO-4217 code
    months = List.copyOf(months);
    Objects.requireNonNull(arpaPerMonth, "arpaPerMonth");
    Objects.requireNonNull(monthlyChurnPercent, "monthlyChurnPercent");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(undefinedReason, "undefinedReason");
    if (value.isPresent() && !value.get().currencyCode().equals(currencyCode)) {
      throw new IllegalArgumentException(
          "value is in " + value.get().currencyCode() + ", not " + currencyCode);
    }
  }
}
