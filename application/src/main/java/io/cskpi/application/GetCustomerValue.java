package io.cskpi.application;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.predictive.CustomerPrediction;

/** One customer's prediction under a fit; NOT_FOUND when the fit has no such customer. */
public final class GetCustomerValue {

  private final ClvModelRepository models;
  private final GetClvModel getModel;

  public GetCustomerValue(ClvModelRepository models, GetClvModel getModel) {
    this.models = models;
    this.getModel = getModel;
  }

  public CustomerPrediction get(TenantId tenant, String modelId, String customerId) {
    getModel.get(tenant, modelId, "clv_model");
    return models.prediction(tenant, modelId, customerId).orElseThrow(() -> CskpiException.notFound(
        "CUSTOMER_NOT_FOUND", "customer \"" + customerId + "\" has no purchase in the fit \"" + modelId + "\"",
        "customer"));
  }
}
