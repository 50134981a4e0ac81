package io.cskpi.application.port;

import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import java.util.List;
import java.util.Optional;

/** Purchases, identified in their tenant by order id. */
public interface PurchaseRepository {

  /**
   * Stores the purchases whose order ids are new, all in one transaction. Identical purchases
   * already stored count as already recorded; a different purchase under a stored order id is
   * ALREADY_EXISTS (reason ORDER_ID_CONFLICT) and nothing is stored.
   */
  RecordOutcome record(TenantId tenant, List<Purchase> purchases);

  /** Purchases ordered by time, then order id; only one customer's when {@code customerId} is set. */
  Page<Purchase> list(TenantId tenant, Optional<String> customerId, PageRequest page);
}
