package io.cskpi.application.port;

import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Purchases, identified in their tenant by order id. */
public interface PurchaseRepository {

  /**
   * Stores the purchases whose order ids are new, all in one transaction. Identical purchases
   * already stored count as already recorded; a different purchase under a stored order id is
   * ALREADY_EXISTS (reason ORDER_ID_CONFLICT) and nothing is stored.
   */
  RecordOutcome record(TenantId tenant, List<Purchase> purchases);

  /**
   * The orders among {@code orderIds} that exist, each with the sum of the refunds stored for it
   * (zero or negative), not counting refunds whose order id is in {@code excludedRefunds}.
   */
  Map<String, RefundableOrder> refundable(TenantId tenant, Collection<String> orderIds,
      Collection<String> excludedRefunds);

  /** An order and what has been refunded of it so far. */
  record RefundableOrder(Purchase order, BigDecimal refunded) {}

  /** Purchases ordered by time, then order id; only one customer's when {@code customerId} is set. */
  Page<Purchase> list(TenantId tenant, Optional<String> customerId, PageRequest page);
}
