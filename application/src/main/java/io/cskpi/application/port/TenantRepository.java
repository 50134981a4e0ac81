package io.cskpi.application.port;

import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import java.util.Optional;

/** Tenants and their settings. */
public interface TenantRepository {

  /** Stores a new tenant; ALREADY_EXISTS when the id is taken. */
  void create(Tenant tenant);

  Optional<Tenant> find(TenantId id);

  /** Replaces an existing tenant's settings. */
  void update(Tenant tenant);
}
