package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;
import java.util.Objects;

/**
 * A purchase (an order) of a customer, identified in its tenant by the client-given order id. A
 * refund or return is a purchase with a negative amount that names the order it refunds.
 */
public record Purchase(String orderId, String customerId, Instant time, Money amount, String refundedOrderId) {

  public Purchase {
    Identifiers.recordId("order_id", orderId);
    Identifiers.recordId("customer_id", customerId);
    time = Instants.check("purchase_time", time);
    if (amount == null) {
      throw CskpiException.invalid("amount", "is required");
    }
    refundedOrderId = refundedOrderId == null || refundedOrderId.isEmpty() ? null
        : Identifiers.recordId("refunded_order_id", refundedOrderId);
    if (refundedOrderId == null && amount.isNegative()) {
      throw CskpiException.invalid("amount.amount", "must not be negative, except for a refund (set refunded_order_id)");
    }
    if (refundedOrderId != null && amount.amount().signum() >= 0) {
      throw CskpiException.invalid("amount.amount", "of a refund must be negative");
    }
    if (orderId.equals(refundedOrderId)) {
      throw CskpiException.invalid("refunded_order_id", "must name another order");
    }
  }

  /** A purchase that is not a refund. */
  public Purchase(String orderId, String customerId, Instant time, Money amount) {
    this(orderId, customerId, time, amount, null);
  }

  public boolean isRefund() {
    return refundedOrderId != null;
  }

  /** Whether {@code other} is the same purchase (a retried delivery), amounts compared by value. */
  public boolean sameAs(Purchase other) {
    return orderId.equals(other.orderId) && customerId.equals(other.customerId)
        && time.equals(other.time) && amount.currencyCode().equals(other.amount.currencyCode())
        && amount.amount().compareTo(other.amount.amount()) == 0
        && Objects.equals(refundedOrderId, other.refundedOrderId);
  }
}
