package io.cskpi.adapters.grpc;

import io.cskpi.application.UseCases;
import io.grpc.BindableService;
import java.util.List;

/** The cskpi.v1 services on the use cases. */
public final class GrpcApi {

  private GrpcApi() {}

  public static List<BindableService> services(UseCases useCases) {
    return List.of(
        new TenantGrpcService(useCases.createTenant(), useCases.getTenant(), useCases.updateTenant()),
        new CustomerGrpcService(useCases.upsertCustomers(), useCases.recordLifecycleEvents(),
            useCases.getCustomer(), useCases.listCustomers()),
        new PurchaseGrpcService(useCases.recordPurchases(), useCases.listPurchases()),
        new SurveyGrpcService(useCases.createSurvey(), useCases.getSurvey(), useCases.listSurveys(),
            useCases.recordSurveyResponses()),
        new RetentionExpenseGrpcService(useCases.recordRetentionExpenses()),
        new KpiGrpcService(useCases),
        new ClvModelGrpcService(useCases.predictiveClv()),
        new HealthGrpcService(useCases.health()),
        new FeedbackGrpcService(useCases.feedback()));
  }
}
