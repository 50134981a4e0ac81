package io.cskpi.application;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.CustomerPrediction;

/** Lists a fit's customers by predicted CLV or probability of being alive, highest first. */
public final class ListCustomerValues {

  private final ClvModelRepository models;
  private final GetClvModel getModel;

  public ListCustomerValues(ClvModelRepository models, GetClvModel getModel) {
    this.models = models;
    this.getModel = getModel;
  }

  public Page<CustomerPrediction> list(TenantId tenant, String modelId, ClvModelRepository.Order order,
      PageRequest page) {
    ClvModel model = getModel.get(tenant, modelId, "clv_model");
    if (order == ClvModelRepository.Order.VALUE && !model.spend().hasFiniteMeanSpend()) {
      throw new CskpiException(CskpiException.Kind.FAILED_PRECONDITION, "NO_FINITE_MEAN_SPEND",
          "the fit's spend model has q <= 1, so no customer has a CLV; order by probability alive");
    }
    return models.predictions(tenant, modelId, order, page);
  }
}
