package io.cskpi.application.fakes;

import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link PurchaseRepository} in memory; pages by {@link OffsetPages}. */
public final class InMemoryPurchaseRepository implements PurchaseRepository {

  private final InMemoryData data;

  public InMemoryPurchaseRepository(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized RecordOutcome record(TenantId tenant, List<Purchase> purchases) {
    RecordOutcome outcome = RecordOutcome.against(data.purchases(tenant), purchases, Purchase::orderId, Purchase::sameAs,
        "purchases", "order_id", "ORDER_ID_CONFLICT");
    purchases.forEach(p -> data.purchases(tenant).putIfAbsent(p.orderId(), p));
    return outcome;
  }

  @Override
  public synchronized Map<String, RefundableOrder> refundable(TenantId tenant, Collection<String> orderIds,
      Collection<String> excludedRefunds) {
    Map<String, RefundableOrder> found = new HashMap<>();
    for (String id : orderIds) {
      Purchase order = data.purchases(tenant).get(id);
      if (order != null) {
        BigDecimal refunded = data.purchaseList(tenant).stream()
            .filter(p -> id.equals(p.refundedOrderId()) && !excludedRefunds.contains(p.orderId()))
            .map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        found.put(id, new RefundableOrder(order, refunded));
      }
    }
    return found;
  }

  @Override
  public synchronized Page<Purchase> list(TenantId tenant, Optional<String> customerId, PageRequest page) {
    List<Purchase> all = data.purchaseList(tenant).stream()
        .filter(p -> customerId.map(p.customerId()::equals).orElse(true))
        .sorted(Comparator.comparing(Purchase::time).thenComparing(Purchase::orderId)).toList();
    return OffsetPages.page(all, page);
  }
}
