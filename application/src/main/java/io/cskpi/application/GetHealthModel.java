package io.cskpi.application;

import io.cskpi.application.port.HealthRepository;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.health.HealthModel;
import java.util.OptionalInt;

/** A tenant's health model: the one in force (the default until one is set) or a given version. */
public final class GetHealthModel {

  private final HealthRepository health;
  private final TenantLookup lookup;

  public GetHealthModel(HealthRepository health, TenantLookup lookup) {
    this.health = health;
    this.lookup = lookup;
  }

  /** @param version empty: the model in force; 0: the default model */
  public HealthModel get(TenantId tenant, OptionalInt version) {
    lookup.require(tenant);
    if (version.isEmpty()) {
      return health.currentModel(tenant).orElse(HealthModel.DEFAULT);
    }
    if (version.getAsInt() == 0) {
      return HealthModel.DEFAULT;
    }
    return health.model(tenant, version.getAsInt()).orElseThrow(() -> CskpiException.notFound(
        "HEALTH_MODEL_NOT_FOUND", "the tenant has no health model version " + version.getAsInt(), "model_version"));
  }
}
