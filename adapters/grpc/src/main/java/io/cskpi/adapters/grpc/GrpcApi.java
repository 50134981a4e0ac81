package io.cskpi.adapters.grpc;

import io.cskpi.application.UseCases;
import io.grpc.BindableService;
import java.util.List;
import java.util.stream.Stream;

/** The cskpi.v1 services on the use cases, each parsing its own requests ({@link RequestParsing}). */
public final class GrpcApi {

  private GrpcApi() {}

  public static List<BindableService> services(UseCases useCases) {
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
        .map(RequestParsing::parsedHere).toList();
  }
}
