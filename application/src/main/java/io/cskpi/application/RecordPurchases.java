package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import java.util.List;

/**
 * Records a batch of purchases of existing customers: all or nothing, idempotent by order id.
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
    return purchases.record(tenant, batch);
  }
}
