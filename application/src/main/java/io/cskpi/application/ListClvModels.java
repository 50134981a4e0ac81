package io.cskpi.application;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.predictive.ClvModel;

/** Lists a tenant's predictive-CLV fits by id. */
public final class ListClvModels {

  private final ClvModelRepository models;
  private final TenantLookup lookup;

  public ListClvModels(ClvModelRepository models, TenantLookup lookup) {
    this.models = models;
    this.lookup = lookup;
  }

  public Page<ClvModel> list(TenantId tenant, PageRequest page) {
    lookup.require(tenant);
    return models.list(tenant, page);
  }
}
