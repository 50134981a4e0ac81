package io.cskpi.application;

import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;

/** Reads a tenant's settings. */
public final class GetTenant {

  private final TenantLookup lookup;

  public GetTenant(TenantLookup lookup) {
    this.lookup = lookup;
  }

  public Tenant get(TenantId id) {
    return lookup.require(id);
  }
}
