package io.cskpi.adapters.grpc;

import io.cskpi.application.UseCases;
import io.grpc.BindableService;
import java.util.List;

/** The cskpi.v1 services on the use cases. */
public final class GrpcApi {

  private GrpcApi() {}

  public static List<BindableService> services(UseCases useCases) {
    Replay replay = new Replay(useCases.requests().runOnce());
    var customers = new CustomerGrpcService(useCases.upsertCustomers(), useCases.recordLifecycleEvents(),
        useCases.getCustomer(), useCases.listCustomers(), replay);
    var purchases = new PurchaseGrpcService(useCases.recordPurchases(), useCases.listPurchases(), replay);
    var surveys = new SurveyGrpcService(useCases.createSurvey(), useCases.getSurvey(), useCases.listSurveys(),
        useCases.recordSurveyResponses(), replay);
    var expenses = new RetentionExpenseGrpcService(useCases.recordRetentionExpenses(), replay);
    var health = new HealthGrpcService(useCases.health(), replay);
    var feedback = new FeedbackGrpcService(useCases.feedback(), replay);
    return List.of(
        new TenantGrpcService(useCases.createTenant(), useCases.getTenant(), useCases.updateTenant()),
        customers, purchases, surveys, expenses,
        new KpiGrpcService(useCases),
        new ClvModelGrpcService(useCases.predictiveClv()),
        health, feedback,
        new ImportGrpcService(useCases.requests().runImportBatch(), customers, purchases, surveys, expenses,
            feedback, health));
  }
}
