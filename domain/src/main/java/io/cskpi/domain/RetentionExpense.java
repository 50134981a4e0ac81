package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.LocalDate;

/**
 * Money spent on keeping customers (support staff, success programmes, tools...), over a service
 * interval of local dates, end inclusive (one day: start = end). It is spread over the interval
 * by days when a period takes its share.
 */
public record RetentionExpense(String expenseId, Money amount, String category, LocalDate serviceStart,
    LocalDate serviceEnd) {

  public static final int MAX_CATEGORY_LENGTH = 64;

  public RetentionExpense {
    Identifiers.recordId("expense_id", expenseId);
    if (amount == null) {
      throw CskpiException.invalid("amount", "is required");
    }
    if (amount.isNegative()) {
      throw CskpiException.invalid("amount.amount", "must not be negative: an expense is money spent");
    }
    if (category == null || category.isBlank()) {
      throw CskpiException.invalid("category", "is required, such as \"support\" or \"tools\"");
    }
    Identifiers.requireNoSpaceAtTheEnds("category", category);
    if (category.codePointCount(0, category.length()) > MAX_CATEGORY_LENGTH
        || category.codePoints().anyMatch(Character::isISOControl)) {
      throw CskpiException.invalid("category", "must be at most " + MAX_CATEGORY_LENGTH
          + " characters without control characters");
    }
    if (serviceStart == null || serviceEnd == null) {
      throw CskpiException.invalid("service_period", "is required: a date or a service period");
    }
    if (serviceEnd.isBefore(serviceStart)) {
      throw CskpiException.invalid("service_period.end_date", "is before the start date " + serviceStart);
    }
    if (serviceStart.getYear() < 1900 || serviceEnd.getYear() > 9998) {
      throw CskpiException.invalid("service_period", "must lie in the years 1900 to 9998");
    }
  }

  /** Whether {@code other} is the same expense (a retried delivery), amounts compared by value. */
  public boolean sameAs(RetentionExpense other) {
    return expenseId.equals(other.expenseId) && category.equals(other.category)
        && serviceStart.equals(other.serviceStart) && serviceEnd.equals(other.serviceEnd)
        && amount.currencyCode().equals(other.amount.currencyCode())
        && amount.amount().compareTo(other.amount.amount()) == 0;
  }
}
