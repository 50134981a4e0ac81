package io.cskpi.application;

import io.cskpi.application.port.HealthRepository;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.health.HealthBands;
import io.cskpi.domain.kpi.health.HealthMeasure;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.HealthSignals;
import java.util.List;

/**
 * Validates a health model and, unless only asked to validate, puts it in force as the tenant's
 * next version. A refused model leaves the one in force unchanged.
 */
public final class SetHealthModel {

  private final HealthRepository health;
  private final TenantLookup lookup;

  public SetHealthModel(HealthRepository health, TenantLookup lookup) {
    this.health = health;
    this.lookup = lookup;
  }

  /** The stored model with its version, or, when {@code validateOnly}, the model as it would be stored (version 0). */
  public HealthModel set(TenantId tenant, List<HealthMeasure> measures, HealthBands bands, boolean validateOnly) {
    lookup.require(tenant);
    var pushed = health.pushedSignals(tenant, measures.stream().map(HealthMeasure::signal)
        .filter(s -> HealthSignals.isValidName(s) && !HealthSignals.isBuiltIn(s)).distinct().toList());
    HealthModel model = HealthModel.validated(0, measures, bands, pushed);
    return validateOnly ? model : health.saveModel(tenant, model);
  }
}
