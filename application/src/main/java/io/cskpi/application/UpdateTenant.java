package io.cskpi.application;

import io.cskpi.application.port.TenantRepository;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import java.time.ZoneId;
import java.util.Optional;

/** Changes some of a tenant's settings. */
public final class UpdateTenant {

  /** The settings to change; an empty one stays as it is. */
  public record Changes(Optional<String> displayName, Optional<ZoneId> timeZone,
      Optional<ChurnPolicy> churnPolicy) {}

  private final TenantRepository tenants;
  private final TenantLookup lookup;

  public UpdateTenant(TenantRepository tenants, TenantLookup lookup) {
    this.tenants = tenants;
    this.lookup = lookup;
  }

  public Tenant update(TenantId id, Changes changes) {
    Tenant current = lookup.require(id);
    Tenant updated = new Tenant(id, changes.displayName().orElse(current.displayName()),
        changes.timeZone().orElse(current.timeZone()),
        changes.churnPolicy().orElse(current.churnPolicy()), current.createTime());
    tenants.update(updated);
    return updated;
  }
}
