package io.cskpi.adapters.grpc;

import io.cskpi.domain.Identifiers;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;

/**
 * Resource names: "tenants/{tenant}", "tenants/{tenant}/customers/{customer}" and the singleton
 * "tenants/{tenant}/healthModel". A name of a tenant the call's API key does not reach is refused
 * (PERMISSION_DENIED) as soon as it is read.
 */
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
    return Caller.reach(field, new TenantId(Identifiers.tenantId(field, parts[1])));
  }

  /** The tenant and customer id of a customer name. */
  static CustomerName customer(String field, String name) {
    ChildName child = child(field, name, "customers");
    return new CustomerName(child.tenant(), child.id());
  }

  /** The tenant and id of a name "tenants/{tenant}/{collection}/{id}". */
  static ChildName child(String field, String name, String collection) {
    String form = "\"tenants/{tenant}/" + collection + "/{id}\"";
    if (name == null || name.isEmpty()) {
      throw CskpiException.invalid(field, "is required, as " + form);
    }
    String[] parts = name.split("/", -1);
    if (parts.length != 4 || !parts[0].equals("tenants") || !parts[2].equals(collection)) {
      throw CskpiException.invalid(field, "must be " + form);
    }
    TenantId tenant = Caller.reach(field, new TenantId(Identifiers.tenantId(field, parts[1])));
    return new ChildName(tenant, Identifiers.recordId(field, parts[3]));
  }

  /** The tenant of a health model name "tenants/{tenant}/healthModel"; anything else is refused. */
  static TenantId healthModel(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw CskpiException.invalid(field, "is required, as \"tenants/{tenant}/healthModel\"");
    }
    String[] parts = name.split("/", -1);
    if (parts.length != 3 || !parts[0].equals("tenants") || !parts[2].equals("healthModel")) {
      throw CskpiException.invalid(field, "must be \"tenants/{tenant}/healthModel\"");
    }
    return Caller.reach(field, new TenantId(Identifiers.tenantId(field, parts[1])));
  }

  static String healthModelName(TenantId tenant) {
    return tenant.resourceName() + "/healthModel";
  }

  record ChildName(TenantId tenant, String id) {}

  record CustomerName(TenantId tenant, String customerId) {}

  static String customerName(TenantId tenant, String customerId) {
    return tenant.resourceName() + "/customers/" + customerId;
  }

  static String purchaseName(TenantId tenant, String orderId) {
    return tenant.resourceName() + "/purchases/" + orderId;
  }
}
