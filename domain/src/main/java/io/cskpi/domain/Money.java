package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** An exact decimal amount in an ISO-4217 currency. Never binary floating point. */
public record Money(BigDecimal amount, String currencyCode) {

  /** DECIMAL(19,4) in storage: amounts given have at most 15 integer digits and 4 fractional ones. */
  public static final int MAX_SCALE = 4;
  public static final int MAX_INTEGER_DIGITS = 15;

  private static final Set<String> ISO_CODES = Currency.getAvailableCurrencies().stream()
      .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

  public Money {
    currencyCode = checkCurrency(currencyCode);
    if (amount == null) {
      throw CskpiException.invalid("amount", "is required");
    }
    if (amount.scale() > MAX_SCALE && amount.stripTrailingZeros().scale() > MAX_SCALE) {
      throw CskpiException.invalid("amount", "has more than " + MAX_SCALE + " decimal places");
    }
    if (amount.scale() > MAX_SCALE) {
      amount = amount.setScale(MAX_SCALE);
    }
  }

  /** Parses a decimal string such as "12.34" (no exponent, no grouping). */
  public static Money parse(String amount, String currencyCode) {
    String currency = checkCurrency(currencyCode);
    if (amount == null || amount.isBlank()) {
      throw CskpiException.invalid("amount", "is required, as a decimal string such as \"12.34\"");
    }
    if (!amount.matches("[+-]?\\d{1,20}(\\.\\d{1,20})?")) {
      throw CskpiException.invalid("amount",
          "\"" + abbreviate(amount) + "\" is not a decimal such as \"12.34\"");
    }
    BigDecimal value = new BigDecimal(amount);
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      throw CskpiException.invalid("amount", "has more than " + MAX_INTEGER_DIGITS + " integer digits");
    }
    return new Money(value, currency);
  }

  public static Money zero(String currencyCode) {
    return new Money(BigDecimal.ZERO, currencyCode);
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** {@code amount} rounded half up to the currency's minor unit (cents for USD and EUR). */
  public static Money roundedToMinorUnit(BigDecimal amount, String currencyCode) {
    int digits = Math.max(0, Currency.getInstance(checkCurrency(currencyCode)).getDefaultFractionDigits());
    return new Money(amount.setScale(digits, RoundingMode.HALF_UP), currencyCode);
  }

  /**
   * The amount as a plain decimal string with at least the currency's minor digits and no other
   * trailing zeros: "2024161.26" for a stored 2024161.2600, "5.005", "450.00".
   */
  public String amountText() {
    int minor = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
    BigDecimal stripped = amount.stripTrailingZeros();
    return (stripped.scale() < minor ? amount.setScale(minor) : stripped).toPlainString();
  }

  private static String checkCurrency(String code) {
    if (code == null || code.isEmpty()) {
      throw CskpiException.invalid("currency_code", "is required (ISO-4217, such as \"USD\")");
    }
    if (!ISO_CODES.contains(code)) {
      throw CskpiException.invalid("currency_code",
          "\"" + abbreviate(code) + "\" is not an ISO-4217 currency code");
    }
    return code;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
