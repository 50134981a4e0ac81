package io.cskpi.application.fakes;

import io.cskpi.application.port.TenantRepository;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.util.Optional;

/** {@link TenantRepository} in memory. */
public final class InMemoryTenantRepository implements TenantRepository {

  private final InMemoryData data;

  public InMemoryTenantRepository(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized void create(Tenant tenant) {
    if (data.tenants.putIfAbsent(tenant.id(), tenant) != null) {
      throw new CskpiException(CskpiException.Kind.ALREADY_EXISTS, "TENANT_ALREADY_EXISTS",
          "tenant \"" + tenant.id() + "\" already exists");
    }
  }

  @Override
  public synchronized Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(data.tenants.get(id));
  }

  @Override
  public synchronized void update(Tenant tenant) {
    data.tenants.put(tenant.id(), tenant);
  }
}
