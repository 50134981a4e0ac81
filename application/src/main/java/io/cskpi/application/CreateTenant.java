package io.cskpi.application;

import io.cskpi.application.port.TenantRepository;
import io.cskpi.domain.Tenant;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Creates a tenant with its settings. */
public final class CreateTenant {

  private final TenantRepository tenants;
  private final Clock clock;

  public CreateTenant(TenantRepository tenants, Clock clock) {
    this.tenants = tenants;
    this.clock = clock;
  }

  public Tenant create(Tenant tenant) {
    Tenant created = new Tenant(tenant.id(), tenant.displayName(), tenant.timeZone(),
        tenant.churnPolicy(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    tenants.create(created);
    return created;
  }
}
