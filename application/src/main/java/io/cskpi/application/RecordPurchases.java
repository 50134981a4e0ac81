package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.application.port.PurchaseRepository.RefundableOrder;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Records a batch of purchases of existing customers: all or nothing, idempotent by order id.
 * Refunds are checked against their orders (two batches refunding one order at the same moment
 * are not serialized: each is checked against what was stored before it).
 */
public final class RecordPurchases {

  private final PurchaseRepository purchases;
  private final CustomerRepository customers;
  private final TenantLookup lookup;

  public RecordPurchases(PurchaseRepository purchases, CustomerRepository customers, TenantLookup lookup) {
    this.purchases = purchases;
    this.customers = customers;
    this.lookup = lookup;
  }

  public RecordOutcome record(TenantId tenant, List<Purchase> batch) {
    Batches.check("purchases", batch, Purchase::orderId, "order_id");
    lookup.require(tenant);
    KnownCustomers.require(customers, tenant, "purchases", batch, Purchase::customerId);
    checkRefunds(tenant, batch);
    return purchases.record(tenant, batch);
  }

  /**
   * Each refund names an existing order (not a refund) of the same customer and currency, and the
   * refunds of an order, stored and in this batch, never exceed it.
   */
  private void checkRefunds(TenantId tenant, List<Purchase> batch) {
    List<Purchase> refunds = batch.stream().filter(Purchase::isRefund).toList();
    if (refunds.isEmpty()) {
      return;
    }
    Map<String, RefundableOrder> orders = purchases.refundable(tenant,
        refunds.stream().map(Purchase::refundedOrderId).distinct().toList(),
        refunds.stream().map(Purchase::orderId).toList());
    Map<String, BigDecimal> refunded = new HashMap<>();
    orders.forEach((id, order) -> refunded.put(id, order.refunded()));
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Purchase refund = batch.get(i);
      if (!refund.isRefund()) {
        continue;
      }
      String field = "purchases[" + i + "]";
      RefundableOrder original = orders.get(refund.refundedOrderId());
      Purchase order = original == null ? batch.stream().filter(p -> p.orderId().equals(refund.refundedOrderId()))
          .findFirst().orElse(null) : original.order();
      if (order == null) {
        violations.add(new FieldViolation(field + ".refunded_order_id",
            "order \"" + refund.refundedOrderId() + "\" does not exist"));
      } else if (order.isRefund() || !order.customerId().equals(refund.customerId())
          || !order.amount().currencyCode().equals(refund.amount().currencyCode())) {
        violations.add(new FieldViolation(field + ".refunded_order_id", "order \"" + order.orderId()
            + "\" is not a purchase of this customer in " + refund.amount().currencyCode()));
      } else if (refund.time().isBefore(order.time())) {
        violations.add(new FieldViolation(field + ".purchase_time", "is before the order \"" + order.orderId()
            + "\" it refunds"));
      } else {
        BigDecimal total = refunded.merge(order.orderId(), refund.amount().amount(), BigDecimal::add);
        if (total.negate().compareTo(order.amount().amount()) > 0) {
          violations.add(new FieldViolation(field + ".amount.amount", "the refunds of order \"" + order.orderId()
              + "\" would total " + total.negate().toPlainString() + ", more than its "
              + order.amount().amount().toPlainString()));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw CskpiException.invalid(violations);
    }
  }
}
