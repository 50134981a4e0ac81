package io.cskpi.domain;

/** A tenant: one client company of the service. Nothing ever crosses tenants. */
public record TenantId(String value) {

  public TenantId {
    Identifiers.tenantId("tenant_id", value);
  }

  public String resourceName() {
    return "tenants/" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
