package io.cskpi.application;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.CustomerRepository;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.predictive.ClvModel;

/** Total and mean predicted CLV of a fit's customers, or of those in a segment. */
public final class ComputePredictedValue {

  /** The fit and its customers' predictions summed up. */
  public record Result(ClvModel model, ClvModelRepository.Totals totals) {}

  private final ClvModelRepository models;
  private final CustomerRepository customers;
  private final GetClvModel getModel;

  public ComputePredictedValue(ClvModelRepository models, CustomerRepository customers, GetClvModel getModel) {
    this.models = models;
    this.customers = customers;
    this.getModel = getModel;
  }

  public Result compute(TenantId tenant, String modelId, Segment segment) {
    ClvModel model = getModel.get(tenant, modelId, "clv_model");
    KpiScope.requireKnownAttributes(tenant, segment, customers);
    return new Result(model, models.totals(tenant, modelId, segment));
  }
}
