package io.cskpi.adapters.grpc;

import io.cskpi.domain.Identifiers;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;

/** Resource names: "tenants/{tenant}" and "tenants/{tenant}/customers/{customer}". */
final class ResourceNames {

  private ResourceNames() {}

  static TenantId tenant(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw CskpiException.invalid(field, "is required, as \"tenants/{tenant}\"");
    }
    String[] parts = name.split("/", -1);
    if (parts.length != 2 || !parts[0].equals("tenants")) {
      throw CskpiException.invalid(field, "must be \"tenants/{tenant}\"");
    }
    return new TenantId(Identifiers.tenantId(field, parts[1]));
  }

  /** The tenant and customer id of a customer name. */
  static CustomerName customer(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw CskpiException.invalid(field, "is required, as \"tenants/{tenant}/customers/{customer}\"");
    }
    String[] parts = name.split("/", -1);
    if (parts.length != 4 || !parts[0].equals("tenants") || !parts[2].equals("customers")) {
      throw CskpiException.invalid(field, "must be \"tenants/{tenant}/customers/{customer}\"");
    }
    return new CustomerName(new TenantId(Identifiers.tenantId(field, parts[1])),
        Identifiers.recordId(field, parts[3]));
  }

  record CustomerName(TenantId tenant, String customerId) {}

  static String customerName(TenantId tenant, String customerId) {
    return tenant.resourceName() + "/customers/" + customerId;
  }

  static String purchaseName(TenantId tenant, String orderId) {
    return tenant.resourceName() + "/purchases/" + orderId;
  }
}
