package io.cskpi.application;

import io.cskpi.application.port.HealthRepository;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.health.HealthBands;
import io.cskpi.domain.kpi.health.HealthMeasure;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.HealthSignals;
import java.util.List;
import java.util.Optional;

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

  /**
   * The stored model with its version, or, when {@code validateOnly}, the model as it would be
   * stored, with the version it would get (that of the model in force when it is the same).
   */
  public HealthModel set(TenantId tenant, List<HealthMeasure> measures, HealthBands bands, boolean validateOnly) {
    lookup.require(tenant);
    var pushed = health.pushedSignals(tenant, measures.stream().map(HealthMeasure::signal)
        .filter(s -> HealthSignals.isValidName(s) && !HealthSignals.isBuiltIn(s)).distinct().toList());
    HealthModel model = HealthModel.validated(0, measures, bands, pushed);
    if (!validateOnly) {
      return health.saveModel(tenant, model);
    }
    Optional<HealthModel> inForce = health.currentModel(tenant);
    return inForce.filter(m -> m.sameDefinition(model))
        .orElseGet(() -> new HealthModel(inForce.map(HealthModel::version).orElse(0) + 1, measures, bands));
  }
}
