package io.cskpi.domain.kpi;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Spec section 3: CRC = retention expenses in the period / customers. The total is the exact sum
 * of the category amounts (already spread over the period, see {@link ExpenseSpreading}); the
 * division is done once on the exact total, then rounded half up to the currency's minor unit.
 */
public final class RetentionCostRule {

  private static final MathContext MC = MathContext.DECIMAL128;

  private RetentionCostRule() {}

  /**
   * @param expensesByCategory the period's expenses per category, in {@code currencyCode}; no
   *     category at all is no data (NO_DATA), a category of 0 is a cost of 0
   * @param customers the customers counted by {@code denominator}; 0 is ZERO_DENOMINATOR, with the
   *     total still reported
   */
  public static RetentionCost cost(Period period, String currencyCode,
      Map<String, BigDecimal> expensesByCategory, RetentionCostDenominator denominator,
      long customers) {
    if (customers < 0) {
      throw new IllegalArgumentException("customers is negative: " + customers);
    }
    BigDecimal total = BigDecimal.ZERO;
    Map<String, Money> byCategory = new TreeMap<>();
    for (Map.Entry<String, BigDecimal> expense : expensesByCategory.entrySet()) {
      String category = expense.getKey();
      if (category == null || category.isBlank()) {
        throw new IllegalArgumentException("an expense category is blank");
      }
      if (expense.getValue() == null) {
        throw new IllegalArgumentException("category " + category + " has no amount");
      }
      total = total.add(expense.getValue());
      byCategory.put(category, Money.roundedToMinorUnit(expense.getValue(), currencyCode));
    }
    Money roundedTotal = Money.roundedToMinorUnit(total, currencyCode);
    UndefinedReason reason = expensesByCategory.isEmpty() ? UndefinedReason.NO_DATA
        : customers == 0 ? UndefinedReason.ZERO_DENOMINATOR : UndefinedReason.NONE;
    Optional<Money> perCustomer = reason != UndefinedReason.NONE ? Optional.empty()
        : Optional.of(Money.roundedToMinorUnit(total.divide(BigDecimal.valueOf(customers), MC),
            currencyCode));
    return new RetentionCost(period, roundedTotal, byCategory, denominator, customers, perCustomer,
        reason);
  }
}
