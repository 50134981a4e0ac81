package io.cskpi.domain.kpi;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Customer Retention Cost with the expenses and the denominator it came from. All amounts are
 * rounded half up to the currency's minor unit, each from its exact value: the rounded categories
 * may therefore differ from the rounded total by a few minor units.
 *
 * @param total the period's retention expenses, all categories
 * @param byCategory the expenses per category, sorted by category name
 * @param denominator which customers {@code customers} counts
 * @param customers the denominator
 * @param perCustomer CRC = exact total / customers; empty when undefined
 */
public record RetentionCost(Period period, Money total, Map<String, Money> byCategory,
    RetentionCostDenominator denominator, long customers, Optional<Money> perCustomer,
    UndefinedReason undefinedReason) {

  public RetentionCost {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(denominator, "denominator");
    Objects.requireNonNull(perCustomer, "perCustomer");
    Objects.requireNonNull(undefinedReason, "undefinedReason");
    if (customers < 0) {
      throw new IllegalArgumentException("customers is negative: " + customers);
    }
    byCategory = Collections.unmodifiableSortedMap(new TreeMap<>(byCategory));
    String currency = total.currencyCode();
    byCategory.forEach((category, amount) -> {
      if (!currency.equals(Objects.requireNonNull(amount, category).currencyCode())) {
        throw new IllegalArgumentException("category " + category + " is in "
            + amount.currencyCode() + ", the total in " + currency);
      }
    });
    if (perCustomer.isPresent() && !currency.equals(perCustomer.get().currencyCode())) {
      throw new IllegalArgumentException("perCustomer is in " + perCustomer.get().currencyCode()
          + ", the total in " + currency);
    }
  }
}
