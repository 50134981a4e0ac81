package io.cskpi.adapters.grpc;

import io.cskpi.domain.Money;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;

/** Purchases and money between proto and domain. */
final class PurchaseProtoMapper {

  private PurchaseProtoMapper() {}

  static Purchase fromProto(io.cskpi.proto.v1.Purchase purchase) {
    if (!purchase.hasAmount()) {
      throw CskpiException.invalid("amount", "is required");
    }
    Money amount = Fields.under("amount",
        () -> Money.parse(purchase.getAmount().getAmount(), purchase.getAmount().getCurrencyCode()));
    return new Purchase(purchase.getOrderId(), purchase.getCustomerId(),
        Fields.instant("purchase_time", purchase.hasPurchaseTime(), purchase.getPurchaseTime()), amount,
        purchase.getRefundedOrderId());
  }

  static io.cskpi.proto.v1.Purchase toProto(TenantId tenant, Purchase purchase) {
    return io.cskpi.proto.v1.Purchase.newBuilder()
        .setName(ResourceNames.purchaseName(tenant, purchase.orderId()))
        .setOrderId(purchase.orderId())
        .setCustomerId(purchase.customerId())
        .setPurchaseTime(Fields.timestamp(purchase.time()))
        .setAmount(toProto(purchase.amount()))
        .setRefundedOrderId(purchase.refundedOrderId() == null ? "" : purchase.refundedOrderId())
        .build();
  }

  static io.cskpi.proto.v1.Money toProto(Money money) {
    return io.cskpi.proto.v1.Money.newBuilder()
        .setCurrencyCode(money.currencyCode())
        .setAmount(money.amountText())
        .build();
  }
}
