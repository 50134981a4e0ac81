package io.cskpi.application;

import io.cskpi.application.port.TenantRepository;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;

/** Finds the tenant a call is about, or fails with NOT_FOUND (reason TENANT_NOT_FOUND). */
public final class TenantLookup {

  public static final String TENANT_NOT_FOUND = "TENANT_NOT_FOUND";

  private final TenantRepository tenants;

  public TenantLookup(TenantRepository tenants) {
    this.tenants = tenants;
  }

  public Tenant require(TenantId id) {
    return tenants.find(id).orElseThrow(() -> new CskpiException(CskpiException.Kind.NOT_FOUND,
        TENANT_NOT_FOUND, "tenant \"" + id + "\" does not exist"));
  }
}
