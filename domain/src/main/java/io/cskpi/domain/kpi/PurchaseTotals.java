package io.cskpi.domain.kpi;

import io.cskpi.domain.Money;

/** Revenue, number of purchases and distinct purchasing customers of a period, in one currency. */
public record PurchaseTotals(Money revenue, long purchases, long purchasingCustomers) {

  public static PurchaseTotals none(String currencyCode) {
    return new PurchaseTotals(Money.zero(currencyCode), 0, 0);
  }
}
