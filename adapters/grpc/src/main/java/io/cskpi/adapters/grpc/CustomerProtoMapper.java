package io.cskpi.adapters.grpc;

import io.cskpi.domain.Customer;
import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.proto.v1.LifecycleEventType;

/** Customers and lifecycle events between proto and domain. */
final class CustomerProtoMapper {

  private CustomerProtoMapper() {}

  static Customer fromProto(io.cskpi.proto.v1.Customer customer) {
    return new Customer(customer.getCustomerId(),
        Fields.instant("acquire_time", customer.hasAcquireTime(), customer.getAcquireTime()),
        customer.getAttributesMap(), null);
  }

  static io.cskpi.proto.v1.Customer toProto(TenantId tenant, Customer customer) {
    io.cskpi.proto.v1.Customer.Builder proto = io.cskpi.proto.v1.Customer.newBuilder()
        .setName(ResourceNames.customerName(tenant, customer.customerId()))
        .setCustomerId(customer.customerId())
        .putAllAttributes(customer.attributes());
    if (customer.acquireTime() != null) {
      proto.setAcquireTime(Fields.timestamp(customer.acquireTime()));
    }
    if (customer.updateTime() != null) {
      proto.setUpdateTime(Fields.timestamp(customer.updateTime()));
    }
    return proto.build();
  }

  static LifecycleEvent fromProto(io.cskpi.proto.v1.LifecycleEvent event) {
    LifecycleEvent.Type type = switch (event.getType()) {
      case LIFECYCLE_EVENT_TYPE_CHURNED -> LifecycleEvent.Type.CHURNED;
      case LIFECYCLE_EVENT_TYPE_REACTIVATED -> LifecycleEvent.Type.REACTIVATED;
      default -> throw CskpiException.invalid("type",
          "must be " + LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED + " or "
              + LifecycleEventType.LIFECYCLE_EVENT_TYPE_REACTIVATED);
    };
    return new LifecycleEvent(event.getCustomerId(), type,
        Fields.instant("event_time", event.hasEventTime(), event.getEventTime()));
  }
}
