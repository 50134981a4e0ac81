package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;

/** A purchase (an order) of a customer. Identified in its tenant by the client-given order id. */
public record Purchase(String orderId, String customerId, Instant time, Money amount) {

  public Purchase {
    Identifiers.recordId("order_id", orderId);
    Identifiers.recordId("customer_id", customerId);
    time = Instants.check("purchase_time", time);
    if (amount == null) {
      throw CskpiException.invalid("amount", "is required");
    }
    if (amount.isNegative()) {
      throw CskpiException.invalid("amount.amount", "must not be negative");
    }
  }

  /** Whether {@code other} is the same purchase (a retried delivery), amounts compared by value. */
  public boolean sameAs(Purchase other) {
    return orderId.equals(other.orderId) && customerId.equals(other.customerId)
        && time.equals(other.time) && amount.currencyCode().equals(other.amount.currencyCode())
        && amount.amount().compareTo(other.amount.amount()) == 0;
  }
}
