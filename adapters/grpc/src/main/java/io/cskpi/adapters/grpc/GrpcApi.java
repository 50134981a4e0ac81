package io.cskpi.adapters.grpc;

import io.cskpi.application.UseCases;
import io.cskpi.application.ApiKeys;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import java.util.List;
import java.util.stream.Stream;

/** The cskpi.v1 services on the use cases. */
public final class GrpcApi {

  private GrpcApi() {}

  /** Every service, each behind the API-key check ({@link Authentication}). */
  public static List<ServerServiceDefinition> services(UseCases useCases, ApiKeys keys) {
    Authentication authentication = new Authentication(keys);
    return Stream.<BindableService>of(
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
        new FeedbackGrpcService(useCases.feedback()))
        .map(service -> ServerInterceptors.intercept(service, authentication))
        .toList();
  }
}
