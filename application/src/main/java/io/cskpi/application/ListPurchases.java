package io.cskpi.application;

import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import java.util.Optional;

/** Lists a tenant's purchases by time, a page at a time. */
public final class ListPurchases {

  private final PurchaseRepository purchases;
  private final TenantLookup lookup;

  public ListPurchases(PurchaseRepository purchases, TenantLookup lookup) {
    this.purchases = purchases;
    this.lookup = lookup;
  }

  public Page<Purchase> list(TenantId tenant, Optional<String> customerId, PageRequest page) {
    lookup.require(tenant);
    return purchases.list(tenant, customerId, page);
  }
}
