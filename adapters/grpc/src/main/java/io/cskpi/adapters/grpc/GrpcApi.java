package io.cskpi.adapters.grpc;

import io.cskpi.application.UseCases;
import io.cskpi.application.ApiKeys;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import java.util.List;
import java.util.stream.Stream;

/** The cskpi.v1 services on the use cases, each parsing its own requests ({@link RequestParsing}). */
public final class GrpcApi {

  private GrpcApi() {}

  /** Every service, each behind the API-key check ({@link Authentication}). */
  public static List<ServerServiceDefinition> services(UseCases useCases, ApiKeys keys, RecordCounter counter) {
    Authentication authentication = new Authentication(keys);
    Replay replay = new Replay(useCases.requests().runOnce(), counter);
    var customers = new CustomerGrpcService(useCases.upsertCustomers(), useCases.recordLifecycleEvents(),
        useCases.getCustomer(), useCases.listCustomers(), replay);
    var purchases = new PurchaseGrpcService(useCases.recordPurchases(), useCases.listPurchases(), replay);
    var surveys = new SurveyGrpcService(useCases.createSurvey(), useCases.getSurvey(), useCases.listSurveys(),
        useCases.recordSurveyResponses(), replay);
    var expenses = new RetentionExpenseGrpcService(useCases.recordRetentionExpenses(), replay);
    var health = new HealthGrpcService(useCases.health(), replay);
    var feedback = new FeedbackGrpcService(useCases.feedback(), replay);
    return Stream.<BindableService>of(
        new TenantGrpcService(useCases.createTenant(), useCases.getTenant(), useCases.updateTenant()),
        customers, purchases, surveys, expenses,
        new KpiGrpcService(useCases),
        new ClvModelGrpcService(useCases.predictiveClv()),
        health, feedback,
        new ImportGrpcService(useCases.requests().runImportBatch(), customers, purchases, surveys, expenses,
            feedback, health, counter))
        .map(RequestParsing::parsedHere)
        .map(service -> ServerInterceptors.intercept(service, authentication))
        .toList();
  }
}
