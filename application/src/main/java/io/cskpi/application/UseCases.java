package io.cskpi.application;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.CommentAnalyzer;
import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.ExpenseRepository;
import io.cskpi.application.port.FeedbackRepository;
import io.cskpi.application.port.HealthRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.application.port.RequestLog;
import io.cskpi.application.port.SurveyRepository;
import io.cskpi.application.port.TenantRepository;
import java.time.Clock;

/** Every use case of the service, built on one set of ports. */
public record UseCases(CreateTenant createTenant, GetTenant getTenant, UpdateTenant updateTenant,
    UpsertCustomers upsertCustomers, RecordLifecycleEvents recordLifecycleEvents, GetCustomer getCustomer,
    ListCustomers listCustomers, RecordPurchases recordPurchases, ListPurchases listPurchases,
    CreateSurvey createSurvey, GetSurvey getSurvey, ListSurveys listSurveys,
    RecordSurveyResponses recordSurveyResponses, RecordRetentionExpenses recordRetentionExpenses,
    ComputeChurnRate computeChurnRate, ComputeCustomerLifetimeValue computeCustomerLifetimeValue,
    ComputeNetPromoterScore computeNetPromoterScore, ComputeCustomerSatisfaction computeCustomerSatisfaction,
    ComputeRetentionCost computeRetentionCost, ComputeKpiReport computeKpiReport,
    PredictiveClvUseCases predictiveClv, HealthUseCases health, FeedbackUseCases feedback,
    RequestUseCases requests) {

  /** The outbound ports the use cases need. */
  public record Ports(TenantRepository tenants, CustomerRepository customers, PurchaseRepository purchases,
      SurveyRepository surveys, ExpenseRepository expenses, KpiStatistics statistics,
      ClvModelRepository clvModels, HealthRepository health, FeedbackRepository feedback,
      RequestLog requestLog) {}

  /** Running requests once: AIP-155 request ids and the batches of streamed imports. */
  public record RequestUseCases(RunOnce runOnce, RunImportBatch runImportBatch) {

    static RequestUseCases on(RequestLog log, Clock clock) {
      RunOnce once = new RunOnce(log, clock);
      return new RequestUseCases(once, new RunImportBatch(log, once));
    }
  }

  /** The use cases of qualitative feedback. */
  public record FeedbackUseCases(RecordFeedback recordFeedback, ComputeFeedbackSummary computeFeedbackSummary,
      ListComments listComments) {}

  /** The use cases of the Customer Health Score. */
  public record HealthUseCases(RecordSignals recordSignals, SetHealthModel setHealthModel,
      GetHealthModel getHealthModel, GetCustomerHealth getCustomerHealth, ListCustomerHealth listCustomerHealth,
      ComputeHealthDistribution computeHealthDistribution, ListHealthChanges listHealthChanges) {

    static HealthUseCases on(HealthRepository health, CustomerRepository customers, TenantLookup lookup,
        Clock clock) {
      HealthBook book = new HealthBook(health, customers, lookup, clock);
      return new HealthUseCases(new RecordSignals(health, customers, lookup), new SetHealthModel(health, lookup),
          new GetHealthModel(health, lookup), new GetCustomerHealth(book), new ListCustomerHealth(book),
          new ComputeHealthDistribution(book), new ListHealthChanges(book));
    }
  }

  /** The use cases of predictive CLV fits. */
  public record PredictiveClvUseCases(CreateClvModel createClvModel, GetClvModel getClvModel,
      ListClvModels listClvModels, ListCustomerValues listCustomerValues, GetCustomerValue getCustomerValue,
      ComputePredictedValue computePredictedValue, CompareHoldout compareHoldout) {

    static PredictiveClvUseCases on(ClvModelRepository models, CustomerRepository customers, TenantLookup lookup,
        Clock clock) {
      GetClvModel get = new GetClvModel(models, lookup);
      return new PredictiveClvUseCases(new CreateClvModel(models, customers, lookup, clock), get,
          new ListClvModels(models, lookup), new ListCustomerValues(models, get), new GetCustomerValue(models, get),
          new ComputePredictedValue(models, customers, get), new CompareHoldout(models, lookup, get));
    }
  }

  /** The use cases on {@code ports}, reading comments with {@code analyzer}. */
  public static UseCases on(Ports ports, CommentAnalyzer analyzer, Clock clock) {
    TenantLookup lookup = new TenantLookup(ports.tenants());
    var customers = ports.customers();
    var statistics = ports.statistics();
    var churn = new ComputeChurnRate(statistics, lookup, customers);
    var clv = new ComputeCustomerLifetimeValue(statistics, lookup, customers);
    var nps = new ComputeNetPromoterScore(statistics, lookup, customers);
    var csat = new ComputeCustomerSatisfaction(statistics, lookup, customers);
    var retentionCost = new ComputeRetentionCost(statistics, lookup, customers);
    return new UseCases(new CreateTenant(ports.tenants(), clock), new GetTenant(lookup),
        new UpdateTenant(ports.tenants(), lookup),
        new UpsertCustomers(customers, lookup, clock), new RecordLifecycleEvents(customers, lookup),
        new GetCustomer(customers, lookup), new ListCustomers(customers, lookup),
        new RecordPurchases(ports.purchases(), customers, lookup), new ListPurchases(ports.purchases(), lookup),
        new CreateSurvey(ports.surveys(), lookup, clock), new GetSurvey(ports.surveys(), lookup),
        new ListSurveys(ports.surveys(), lookup),
        new RecordSurveyResponses(ports.surveys(), customers, lookup, analyzer),
        new RecordRetentionExpenses(ports.expenses(), lookup),
        churn, clv, nps, csat, retentionCost, new ComputeKpiReport(statistics, lookup, customers),
        PredictiveClvUseCases.on(ports.clvModels(), customers, lookup, clock),
        HealthUseCases.on(ports.health(), customers, lookup, clock),
        new FeedbackUseCases(new RecordFeedback(ports.feedback(), customers, lookup, analyzer),
            new ComputeFeedbackSummary(ports.feedback(), ports.surveys(), customers, lookup),
            new ListComments(ports.feedback(), customers, lookup)),
        RequestUseCases.on(ports.requestLog(), clock));
  }
}
