package io.cskpi.application;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.predictive.ClvModel;

/** Reads one stored predictive-CLV fit, or NOT_FOUND (CLV_MODEL_NOT_FOUND). */
public final class GetClvModel {

  private final ClvModelRepository models;
  private final TenantLookup lookup;

  public GetClvModel(ClvModelRepository models, TenantLookup lookup) {
    this.models = models;
    this.lookup = lookup;
  }

  public ClvModel get(TenantId tenant, String modelId, String field) {
    lookup.require(tenant);
    return models.find(tenant, modelId).orElseThrow(() -> CskpiException.notFound("CLV_MODEL_NOT_FOUND",
        "CLV model \"" + modelId + "\" does not exist", field));
  }
}
