package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    Set<String> known = customers.findAll(tenant,
        batch.stream().map(Purchase::customerId).distinct().toList()).keySet();
    List<FieldViolation> unknown = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (!known.contains(batch.get(i).customerId())) {
        unknown.add(new FieldViolation("purchases[" + i + "].customer_id",
            "customer \"" + batch.get(i).customerId() + "\" does not exist"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new CskpiException(CskpiException.Kind.NOT_FOUND, "CUSTOMER_NOT_FOUND",
          unknown.size() + " purchases name customers that do not exist, first: "
              + unknown.get(0).description(), unknown);
    }
    return purchases.record(tenant, batch);
  }
}
