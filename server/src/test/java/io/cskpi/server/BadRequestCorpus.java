package io.cskpi.server;

import static io.grpc.Status.Code.ALREADY_EXISTS;
import static io.grpc.Status.Code.INVALID_ARGUMENT;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.PERMISSION_DENIED;
import static io.grpc.Status.Code.UNAUTHENTICATED;
import static io.grpc.Status.Code.OK;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.Interval;
import io.cskpi.proto.v1.AttributeFilter;
import io.cskpi.proto.v1.BatchRecordFeedbackRequest;
import io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordRetentionExpensesRequest;
import io.cskpi.proto.v1.BatchRecordSignalsRequest;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarPeriod;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ChurnRule;
import io.cskpi.proto.v1.ClvModel;
import io.cskpi.proto.v1.ClvModelServiceGrpc;
import io.cskpi.proto.v1.CompareHoldoutRequest;
import io.cskpi.proto.v1.ComputeChurnRateRequest;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueRequest;
import io.cskpi.proto.v1.ComputeCustomerSatisfactionRequest;
import io.cskpi.proto.v1.ComputeFeedbackSummaryRequest;
import io.cskpi.proto.v1.ComputeHealthDistributionRequest;
import io.cskpi.proto.v1.ComputeKpiReportRequest;
import io.cskpi.proto.v1.ComputeNetPromoterScoreRequest;
import io.cskpi.proto.v1.ComputePredictedValueRequest;
import io.cskpi.proto.v1.ComputeRetentionCostRequest;
import io.cskpi.proto.v1.CreateClvModelRequest;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.CsatScale;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.Feedback;
import io.cskpi.proto.v1.FeedbackServiceGrpc;
import io.cskpi.proto.v1.GetClvModelRequest;
import io.cskpi.proto.v1.GetCustomerHealthRequest;
import io.cskpi.proto.v1.GetCustomerRequest;
import io.cskpi.proto.v1.GetCustomerValueRequest;
import io.cskpi.proto.v1.GetHealthModelRequest;
import io.cskpi.proto.v1.GetSurveyRequest;
import io.cskpi.proto.v1.GetTenantRequest;
import io.cskpi.proto.v1.HealthBand;
import io.cskpi.proto.v1.HealthMeasure;
import io.cskpi.proto.v1.HealthModel;
import io.cskpi.proto.v1.HealthServiceGrpc;
import io.cskpi.proto.v1.InactivityRule;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.cskpi.proto.v1.LifecycleEvent;
import io.cskpi.proto.v1.LifecycleEventType;
import io.cskpi.proto.v1.LinearRule;
import io.cskpi.proto.v1.ListClvModelsRequest;
import io.cskpi.proto.v1.ListCommentsRequest;
import io.cskpi.proto.v1.ListCustomerHealthRequest;
import io.cskpi.proto.v1.ListCustomerValuesRequest;
import io.cskpi.proto.v1.ListCustomersRequest;
import io.cskpi.proto.v1.ListHealthChangesRequest;
import io.cskpi.proto.v1.ListPurchasesRequest;
import io.cskpi.proto.v1.ListSurveysRequest;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.RetentionExpense;
import io.cskpi.proto.v1.RetentionExpenseServiceGrpc;
import io.cskpi.proto.v1.ServicePeriod;
import io.cskpi.proto.v1.Signal;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.cskpi.proto.v1.SurveyResponse;
import io.cskpi.proto.v1.SurveyServiceGrpc;
import io.cskpi.proto.v1.Tenant;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.cskpi.proto.v1.UpdateHealthModelRequest;
import io.cskpi.proto.v1.UpdateTenantRequest;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The bad-request corpus: for every method of every cskpi.v1 service, requests that must be
 * refused, each with the status code and the field the answer names. Each method starts from one
 * valid request; every case changes one thing in it. Three kinds of case are generated for every
 * method: each REQUIRED field (google.api.field_behavior) cleared, the resource name field spelled
 * wrong in the usual ways, and a string that is not UTF-8. The rest is written out, per service.
 */
final class BadRequestCorpus {

  static final String TENANT = "corpus";
  /** Stands for the key of another tenant, made when the corpus runs. */
  static final String OTHER_TENANTS_KEY = "other tenant's key";
  /** Stands for no key at all. */
  static final String NO_KEY = "";
  static final String T = "tenants/" + TENANT;
  /** The CLV model the test fits on a sample of CDNOW, calibrated up to 1997-09-30. */
  static final String FIT = "cdnow";
  /** The test pushes signals MANY_SIGNALS + 0 to 32, one more than a health model may measure. */
  static final String MANY_SIGNALS = "m";

  static final String SQL_QUOTE = "'; DROP TABLE customers; --";
  static final String SQL_OR = "\" OR 1=1 --";
  static final String HUGE = "x".repeat(100_000);
  /** "a" then 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte. */
  static final byte[] NOT_UTF8 = {'a', (byte) 0xC3, (byte) 0x28};

  /**
   * Where clearing a REQUIRED field is reported on another field: the one whose value is then
   * missing (method/path -> field).
   */
  private static final Map<String, String> MISSING_REPORTED_ON = Map.of(
      "UpdateTenant/tenant", "tenant.name",
      "UpdateHealthModel/health_model", "health_model.name",
      // a missing message is reported on its first required field
      "CreateSurvey/survey", "survey.kind",
      "CreateClvModel/clv_model", "clv_model.clv_model_id");

  private final List<BadCall> cases = new ArrayList<>();

  static List<BadCall> cases() {
    BadRequestCorpus corpus = new BadRequestCorpus();
    corpus.tenants();
    corpus.customers();
    corpus.purchases();
    corpus.surveys();
    corpus.expenses();
    corpus.kpis();
    corpus.clvModels();
    corpus.health();
    corpus.feedback();
    return List.copyOf(corpus.cases);
  }

  private void tenants() {
    on(TenantServiceGrpc.getCreateTenantMethod(), CreateTenantRequest.newBuilder().setTenantId("corpus-new")
        .setTenant(Tenant.newBuilder().setDisplayName("New").setTimeZone("Europe/Madrid")).build(), null)
        .invalid("tenant_id", "a".repeat(64))
        .invalid("tenant_id", HUGE)
        .invalid("tenant_id", SQL_QUOTE)
        .invalid("tenant_id", "tenants/corpus")
        .invalid("tenant_id", "Corpus")
        .invalid("tenant_id", "9corpus")
        .expect("an existing tenant_id", CreateTenantRequest.newBuilder().setTenantId(TENANT).build(),
            ALREADY_EXISTS, null)
        .invalid("tenant.time_zone", "Mars/Olympus")
        .invalid("tenant.time_zone", "+02:00")
        .invalid("tenant.time_zone", SQL_QUOTE)
        .invalid("tenant.time_zone", HUGE)
        .invalid("tenant.display_name", HUGE)
        .invalid("tenant.churn_rule", ChurnRule.newBuilder().setInactivity(InactivityRule.newBuilder().setDays(-1)).build(),
            "tenant.churn_rule.inactivity.days")
        .notUtf8("tenant_id")
        .notUtf8("tenant.time_zone")
        .notUtf8("tenant.display_name");
    on(TenantServiceGrpc.getGetTenantMethod(), GetTenantRequest.newBuilder().setName(T).build(), "name");
    on(TenantServiceGrpc.getUpdateTenantMethod(), UpdateTenantRequest.newBuilder()
        .setTenant(Tenant.newBuilder().setName(T).setDisplayName("Corpus"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build(), "tenant.name")
        .invalid("update_mask", FieldMask.newBuilder().addPaths("name").build())
        .invalid("update_mask", FieldMask.newBuilder().addPaths(SQL_QUOTE).build())
        .invalid("tenant.display_name", HUGE)
        .expect("tenant.time_zone = " + SQL_OR, UpdateTenantRequest.newBuilder()
            .setTenant(Tenant.newBuilder().setName(T).setTimeZone(SQL_OR))
            .setUpdateMask(FieldMask.newBuilder().addPaths("time_zone")).build(), INVALID_ARGUMENT, "tenant.time_zone")
        .notUtf8("tenant.display_name");
  }

  private void customers() {
    on(CustomerServiceGrpc.getBatchUpsertCustomersMethod(), BatchUpsertCustomersRequest.newBuilder().setParent(T)
        .addCustomers(Customer.newBuilder().setCustomerId("new").setAcquireTime(ts("2025-01-01T00:00:00Z"))
            .putAttributes("plan", "gold")).build(), "parent")
        .batchLimits("customers")
        .invalid("customers[0].customer_id", "x".repeat(129))
        .invalid("customers[0].customer_id", HUGE)
        .invalid("customers[0].customer_id", "a/b")
        .invalid("customers[0].customer_id", "a\u0000b")
        .invalid("customers[0].customer_id", "\ufeff")
        .invalid("customers[0].customer_id", "a\u202eb")
        .invalid("customers[0].customer_id", "a\u200bb")
        .invalid("customers[0].customer_id", " a")
        .invalid("customers[0].acquire_time", Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build())
        .invalid("customers[0].acquire_time", Timestamp.newBuilder().setNanos(-1).build())
        .expect("an attribute value of 100k characters", BatchUpsertCustomersRequest.newBuilder().setParent(T)
            .addCustomers(Customer.newBuilder().setCustomerId("new").putAttributes("plan", HUGE)).build(),
            INVALID_ARGUMENT, "customers[0].attributes[plan]")
        .expect("an empty attribute key", BatchUpsertCustomersRequest.newBuilder().setParent(T)
            .addCustomers(Customer.newBuilder().setCustomerId("new").putAttributes("", "gold")).build(),
            INVALID_ARGUMENT, "customers[0].attributes")
        .expect("the same customer twice", BatchUpsertCustomersRequest.newBuilder().setParent(T)
            .addCustomers(Customer.newBuilder().setCustomerId("new"))
            .addCustomers(Customer.newBuilder().setCustomerId("new")).build(), INVALID_ARGUMENT, "customers[1].customer_id")
        .expect("a good customer, then a bad one", BatchUpsertCustomersRequest.newBuilder().setParent(T)
            .addCustomers(Customer.newBuilder().setCustomerId("fine"))
            .addCustomers(Customer.newBuilder().setCustomerId(SQL_QUOTE + "/")).build(),
            INVALID_ARGUMENT, "customers[1].customer_id")
        .notUtf8("customers[0].customer_id");
    on(CustomerServiceGrpc.getBatchRecordLifecycleEventsMethod(), BatchRecordLifecycleEventsRequest.newBuilder()
        .setParent(T).addEvents(LifecycleEvent.newBuilder().setCustomerId("a")
            .setType(LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED).setEventTime(ts("2025-03-01T00:00:00Z")))
        .build(), "parent")
        .batchLimits("events")
        .invalid("events[0].type", 99)
        .invalid("events[0].event_time", Timestamp.newBuilder().setSeconds(-62_135_596_801L).build())
        .status("events[0].customer_id", "ghost", NOT_FOUND)
        .status("events[0].customer_id", SQL_QUOTE, NOT_FOUND)
        .notUtf8("events[0].customer_id");
    on(CustomerServiceGrpc.getGetCustomerMethod(), GetCustomerRequest.newBuilder().setName(T + "/customers/a").build(),
        "name")
        .status("name", T + "/customers/ghost", NOT_FOUND)
        .status("name", T + "/customers/" + SQL_QUOTE, NOT_FOUND)
        .status("name", T + "/customers/" + SQL_OR, NOT_FOUND)
        .invalid("name", T + "/customers/" + HUGE);
    on(CustomerServiceGrpc.getListCustomersMethod(), ListCustomersRequest.newBuilder().setParent(T).build(), "parent")
        .pages();
  }

  private void purchases() {
    on(PurchaseServiceGrpc.getBatchRecordPurchasesMethod(), BatchRecordPurchasesRequest.newBuilder().setParent(T)
        .addPurchases(purchase("new", "a", "10.00")).build(), "parent")
        .batchLimits("purchases")
        .invalid("purchases[0].order_id", HUGE)
        .invalid("purchases[0].amount.amount", "-5.00")
        .invalid("purchases[0].amount.amount", "1e3")
        .invalid("purchases[0].amount.amount", "NaN")
        .invalid("purchases[0].amount.amount", "1" + "0".repeat(15) + ".00")
        .invalid("purchases[0].amount.amount", "1.00001")
        .invalid("purchases[0].amount.amount", "9".repeat(100_000))
        .invalid("purchases[0].amount.amount", SQL_OR)
        .invalid("purchases[0].amount.currency_code", "usd")
        .invalid("purchases[0].amount.currency_code", SQL_QUOTE)
        .expect("a refund of an order that does not exist", BatchRecordPurchasesRequest.newBuilder().setParent(T)
            .addPurchases(purchase("new", "a", "-1.00").toBuilder().setRefundedOrderId("o9")).build(),
            INVALID_ARGUMENT, "purchases[0].refunded_order_id")
        .status("purchases[0].customer_id", "ghost", NOT_FOUND)
        .expect("an order id already stored with another amount", BatchRecordPurchasesRequest.newBuilder()
            .setParent(T).addPurchases(purchase("o1", "a", "99.00")).build(), ALREADY_EXISTS, "purchases[0].order_id")
        .notUtf8("purchases[0].amount.amount");
    on(PurchaseServiceGrpc.getListPurchasesMethod(), ListPurchasesRequest.newBuilder().setParent(T).build(), "parent")
        .pages()
        .invalid("customer_id", HUGE)
        .accepted("customer_id", SQL_QUOTE);
  }

  private void surveys() {
    on(SurveyServiceGrpc.getCreateSurveyMethod(), CreateSurveyRequest.newBuilder().setParent(T)
        .setSurvey(Survey.newBuilder().setSurveyId("new").setKind(SurveyKind.SURVEY_KIND_NPS)).build(), "parent")
        .invalid("survey.kind", 99)
        .invalid("survey.survey_id", HUGE)
        .invalid("survey.survey_id", "a/b")
        .invalid("survey.display_name", HUGE)
        .expect("a CSAT scale whose min is above its max", CreateSurveyRequest.newBuilder().setParent(T)
            .setSurvey(Survey.newBuilder().setSurveyId("new").setKind(SurveyKind.SURVEY_KIND_CSAT)
                .setCsatScale(CsatScale.newBuilder().setMin(5).setMax(1))).build(), INVALID_ARGUMENT, "survey.csat_scale")
        .expect("an existing survey id", CreateSurveyRequest.newBuilder().setParent(T)
            .setSurvey(Survey.newBuilder().setSurveyId("nps").setKind(SurveyKind.SURVEY_KIND_CSAT)).build(),
            ALREADY_EXISTS, null)
        .notUtf8("survey.survey_id");
    on(SurveyServiceGrpc.getGetSurveyMethod(), GetSurveyRequest.newBuilder().setName(T + "/surveys/nps").build(), "name")
        .status("name", T + "/surveys/" + SQL_QUOTE, NOT_FOUND)
        .invalid("name", T + "/surveys/");
    on(SurveyServiceGrpc.getListSurveysMethod(), ListSurveysRequest.newBuilder().setParent(T).build(), "parent")
        .pages();
    on(SurveyServiceGrpc.getBatchRecordSurveyResponsesMethod(), BatchRecordSurveyResponsesRequest.newBuilder()
        .setParent(T).addResponses(SurveyResponse.newBuilder().setResponseId("new").setSurveyId("nps")
            .setCustomerId("a").setResponseTime(ts("2025-02-01T00:00:00Z")).setScore(9).setComment("Fine"))
        .build(), "parent")
        .batchLimits("responses")
        .invalid("responses[0].score", 11)
        .invalid("responses[0].score", -1)
        .invalid("responses[0].comment", HUGE)
        .invalid("responses[0].language_code", SQL_QUOTE)
        .status("responses[0].survey_id", "ghost", NOT_FOUND)
        .status("responses[0].customer_id", "ghost", NOT_FOUND)
        .notUtf8("responses[0].comment");
  }

  private void expenses() {
    RetentionExpense expense = RetentionExpense.newBuilder().setExpenseId("new").setCategory("support")
        .setAmount(usd("100.00")).setDate(date("2025-02-01")).build();
    on(RetentionExpenseServiceGrpc.getBatchRecordRetentionExpensesMethod(), BatchRecordRetentionExpensesRequest
        .newBuilder().setParent(T).addExpenses(expense).build(), "parent")
        .batchLimits("expenses")
        .invalid("expenses[0].amount.amount", "-1.00")
        .invalid("expenses[0].category", "x".repeat(65))
        .invalid("expenses[0].category", "support ")
        .invalid("expenses[0].date", Date.newBuilder().setYear(2025).setMonth(13).setDay(1).build())
        .invalid("expenses[0].date", Date.newBuilder().setYear(2025).setMonth(2).setDay(30).build())
        .invalid("expenses[0].service_period", ServicePeriod.newBuilder().setStartDate(date("2025-03-01"))
            .setEndDate(date("2025-02-01")).build(), "expenses[0].service_period.end_date")
        .expect("an expense with neither a date nor a service period", BatchRecordRetentionExpensesRequest
            .newBuilder().setParent(T).addExpenses(expense.toBuilder().clearTiming()).build(),
            INVALID_ARGUMENT, "expenses[0].service_period")
        .notUtf8("expenses[0].category");
  }

  private void kpis() {
    Period month = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-01-01");
    for (Message valid : List.of(
        ComputeChurnRateRequest.newBuilder().setTenant(T).setPeriod(month).build(),
        ComputeCustomerLifetimeValueRequest.newBuilder().setTenant(T).setPeriod(month).build(),
        ComputeNetPromoterScoreRequest.newBuilder().setTenant(T).setPeriod(month).build(),
        ComputeCustomerSatisfactionRequest.newBuilder().setTenant(T).setPeriod(month).build(),
        ComputeRetentionCostRequest.newBuilder().setTenant(T).setPeriod(month).build(),
        ComputeKpiReportRequest.newBuilder().setTenant(T).setPeriod(month).build())) {
      Method method = on(kpiMethod(valid), valid, "tenant")
          .periods()
          .invalid("period_count", -1)
          .invalid("period_count", 37)
          .invalid("period_count", Integer.MAX_VALUE)
          .expect("36 years from 9998", ProtoPaths.set(ProtoPaths.set(valid, "period",
              calendar(CalendarUnit.CALENDAR_UNIT_YEAR, "9998-01-01")), "period_count", 36), INVALID_ARGUMENT, "period_count")
          .expect("36 days from 1900-01-01 in Pacific/Kiritimati", ProtoPaths.set(ProtoPaths.set(ProtoPaths.set(valid,
              "period", calendar(CalendarUnit.CALENDAR_UNIT_DAY, "1900-01-01")), "period.calendar.time_zone",
              "Pacific/Kiritimati"), "period_count", 36), OK, null)
          .expect("all the time a timestamp holds", ProtoPaths.set(valid, "period", interval("0001-01-01T00:00:00Z",
              "9999-12-31T23:59:59.999999999Z")), INVALID_ARGUMENT, "period.interval.start_time")
          .expect("all the time a period may cover", ProtoPaths.set(valid, "period", interval("1900-01-01T00:00:00Z",
              "9999-12-31T23:59:59.999999999Z")), OK, null);
      if (valid.getDescriptorForType().findFieldByName("segment") != null) {
        method.segments();
      }
      if (valid.getDescriptorForType().findFieldByName("currency_code") != null) {
        method.invalid("currency_code", "EURO").invalid("currency_code", SQL_QUOTE).invalid("currency_code", HUGE);
      }
    }
    on(KpiServiceGrpc.getComputeCustomerLifetimeValueMethod(), ComputeCustomerLifetimeValueRequest.newBuilder()
        .setTenant(T).setPeriod(month).build(), "tenant")
        .invalid("method", 99);
    on(KpiServiceGrpc.getComputeRetentionCostMethod(), ComputeRetentionCostRequest.newBuilder()
        .setTenant(T).setPeriod(month).build(), "tenant")
        .invalid("denominator", 99);
  }

  private void clvModels() {
    String fit = T + "/clvModels/" + FIT;
    on(ClvModelServiceGrpc.getCreateClvModelMethod(), CreateClvModelRequest.newBuilder().setParent(T)
        .setClvModel(ClvModel.newBuilder().setClvModelId("new").setCalibrationEndDate(date("1997-09-30"))).build(),
        "parent")
        .invalid("clv_model.clv_model_id", HUGE)
        .invalid("clv_model.calibration_end_date", Date.newBuilder().setYear(2025).setMonth(2).setDay(31).build())
        .invalid("clv_model.horizon_months", -1)
        .invalid("clv_model.horizon_months", Integer.MAX_VALUE)
        .invalid("clv_model.monthly_discount_rate", -0.5)
        .invalid("clv_model.monthly_discount_rate", Double.NaN)
        .invalid("clv_model.currency_code", SQL_QUOTE)
        .invalid("clv_model.segment", List.of(AttributeFilter.newBuilder().setKey(SQL_OR).addValues("x").build()),
            "clv_model.segment[0].key")
        .expect("an existing model id", CreateClvModelRequest.newBuilder().setParent(T).setClvModel(ClvModel.newBuilder()
            .setClvModelId(FIT).setCalibrationEndDate(date("1997-06-30"))).build(), ALREADY_EXISTS, null)
        .notUtf8("clv_model.clv_model_id");
    on(ClvModelServiceGrpc.getGetClvModelMethod(), GetClvModelRequest.newBuilder().setName(fit).build(), "name")
        .status("name", T + "/clvModels/" + SQL_QUOTE, NOT_FOUND);
    on(ClvModelServiceGrpc.getListClvModelsMethod(), ListClvModelsRequest.newBuilder().setParent(T).build(), "parent")
        .pages();
    on(ClvModelServiceGrpc.getListCustomerValuesMethod(), ListCustomerValuesRequest.newBuilder().setClvModel(fit)
        .build(), "clv_model")
        .pages()
        .invalid("order_by", 99)
        .status("clv_model", T + "/clvModels/ghost", NOT_FOUND);
    on(ClvModelServiceGrpc.getGetCustomerValueMethod(), GetCustomerValueRequest.newBuilder().setClvModel(fit)
        .setCustomer(T + "/customers/cd00001").build(), "clv_model")
        .invalid("customer", "tenants/other/customers/a")
        .invalid("customer", T + "/customers/" + HUGE)
        .status("customer", T + "/customers/" + SQL_QUOTE, NOT_FOUND);
    on(ClvModelServiceGrpc.getComputePredictedValueMethod(), ComputePredictedValueRequest.newBuilder()
        .setClvModel(fit).build(), "clv_model")
        .segments();
    on(ClvModelServiceGrpc.getCompareHoldoutMethod(), CompareHoldoutRequest.newBuilder().setClvModel(fit)
        .setHoldoutEndDate(date("1998-06-30")).build(), "clv_model")
        .invalid("holdout_end_date", date("1997-01-01"))
        .invalid("holdout_end_date", Date.newBuilder().setYear(10_000).setMonth(1).setDay(1).build())
        .invalid("frequency_groups", -1)
        .invalid("frequency_groups", Integer.MAX_VALUE);
  }

  private void health() {
    on(HealthServiceGrpc.getBatchRecordSignalsMethod(), BatchRecordSignalsRequest.newBuilder().setParent(T)
        .addSignals(Signal.newBuilder().setSignalId("new").setCustomerId("a").setName("logins")
            .setTime(ts("2025-02-01T00:00:00Z")).setValue(3)).build(), "parent")
        .batchLimits("signals")
        .invalid("signals[0].value", Double.NaN)
        .invalid("signals[0].value", Double.POSITIVE_INFINITY)
        .invalid("signals[0].name", HUGE)
        .invalid("signals[0].name", SQL_QUOTE)
        .status("signals[0].customer_id", "ghost", NOT_FOUND)
        .notUtf8("signals[0].name");
    HealthMeasure logins = HealthMeasure.newBuilder().setSignal("logins").setWeight(1)
        .setLinear(LinearRule.newBuilder().setZeroPointsAt(0).setFullPointsAt(10)).build();
    on(HealthServiceGrpc.getUpdateHealthModelMethod(), UpdateHealthModelRequest.newBuilder()
        .setHealthModel(HealthModel.newBuilder().setName(T + "/healthModel").addMeasures(logins)).build(),
        "health_model.name")
        .invalid("health_model.name", T + "/healthModel/x")
        .invalid("health_model.measures[0].weight", -1.0)
        .invalid("health_model.measures[0].weight", Double.NaN)
        .invalid("health_model.measures[0].signal", HUGE)
        .invalid("health_model.measures[0].linear", LinearRule.newBuilder().setZeroPointsAt(5).setFullPointsAt(5).build(),
            "health_model.measures[0].linear.full_points_at")
        .invalid("health_model.measures", IntStream.range(0, 33)
            .mapToObj(i -> logins.toBuilder().setSignal(MANY_SIGNALS + i).build()).toList())
        .invalid("health_model.bands", List.of(HealthBand.newBuilder().setName(SQL_QUOTE).setUpTo(100).build()),
            "health_model.bands[0].name")
        .invalid("health_model.bands", List.of(HealthBand.newBuilder().setName("red").setUpTo(-5).build(),
            HealthBand.newBuilder().setName("green").setUpTo(100).build()), "health_model.bands[0].up_to")
        .expect("a measure with no rule", UpdateHealthModelRequest.newBuilder().setHealthModel(HealthModel.newBuilder()
            .setName(T + "/healthModel").addMeasures(logins.toBuilder().clearRule())).build(),
            INVALID_ARGUMENT, "health_model.measures[0]")
        .notUtf8("health_model.measures[0].signal");
    on(HealthServiceGrpc.getGetHealthModelMethod(), GetHealthModelRequest.newBuilder().setName(T + "/healthModel")
        .build(), "name")
        .invalid("model_version", -1)
        .status("model_version", 99, NOT_FOUND);
    on(HealthServiceGrpc.getGetCustomerHealthMethod(), GetCustomerHealthRequest.newBuilder()
        .setCustomer(T + "/customers/a").setAsOfDate(date("2025-03-01")).build(), "customer")
        .invalid("as_of_date", Date.newBuilder().setYear(2025).setMonth(0).setDay(1).build())
        .invalid("model_version", Integer.MIN_VALUE)
        .status("customer", T + "/customers/ghost", NOT_FOUND);
    on(HealthServiceGrpc.getListCustomerHealthMethod(), ListCustomerHealthRequest.newBuilder().setParent(T)
        .setAsOfDate(date("2025-03-01")).build(), "parent")
        .pages()
        .segments()
        .invalid("order_by", 99)
        .invalid("as_of_date", Date.newBuilder().setYear(-1).setMonth(1).setDay(1).build())
        .invalid("band", HUGE)
        .invalid("band", SQL_QUOTE);
    on(HealthServiceGrpc.getComputeHealthDistributionMethod(), ComputeHealthDistributionRequest.newBuilder()
        .setTenant(T).addAsOfDates(date("2025-03-01")).build(), "tenant")
        .segments()
        .invalid("as_of_dates", List.of(date("2025-03-01"), Date.newBuilder().setYear(2025).setMonth(2).setDay(29).build()),
            "as_of_dates[1]")
        .invalid("as_of_dates", Collections.nCopies(1001, date("2025-03-01")));
    on(HealthServiceGrpc.getListHealthChangesMethod(), ListHealthChangesRequest.newBuilder().setParent(T)
        .setAsOfDate(date("2025-03-01")).setBaselineDate(date("2025-02-01")).build(), "parent")
        .pages()
        .invalid("baseline_date", Date.newBuilder().setYear(2025).setMonth(2).setDay(30).build());
  }

  private void feedback() {
    on(FeedbackServiceGrpc.getBatchRecordFeedbackMethod(), BatchRecordFeedbackRequest.newBuilder().setParent(T)
        .addFeedback(Feedback.newBuilder().setFeedbackId("new").setCustomerId("a").setTime(ts("2025-02-01T00:00:00Z"))
            .setText("Slow support")).build(), "parent")
        .batchLimits("feedback")
        .invalid("feedback[0].text", HUGE)
        .invalid("feedback[0].text", "   ")
        .invalid("feedback[0].language_code", "klingon")
        .invalid("feedback[0].language_code", SQL_QUOTE)
        .invalid("feedback[0].channel", HUGE)
        .status("feedback[0].customer_id", "ghost", NOT_FOUND)
        .notUtf8("feedback[0].text");
    on(FeedbackServiceGrpc.getComputeFeedbackSummaryMethod(), ComputeFeedbackSummaryRequest.newBuilder().setTenant(T)
        .setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_YEAR, "2025-01-01")).build(), "tenant")
        .periods()
        .segments()
        .invalid("theme_count", -1)
        .invalid("theme_count", Integer.MAX_VALUE)
        .invalid("survey_id", HUGE)
        .status("survey_id", SQL_QUOTE, NOT_FOUND);
    on(FeedbackServiceGrpc.getListCommentsMethod(), ListCommentsRequest.newBuilder().setParent(T).build(), "parent")
        .pages()
        .segments()
        .invalid("sentiment", 99)
        .accepted("min_score", -1)
        .accepted("max_score", 11)
        .invalid("text_query", HUGE)
        .accepted("text_query", SQL_QUOTE)
        .accepted("text_query", SQL_OR)
        .accepted("theme", SQL_QUOTE)
        .accepted("customer_id", SQL_OR)
        .invalid("customer_id", HUGE)
        .invalid("language", SQL_QUOTE)
        .notUtf8("text_query");
  }

  private static MethodDescriptor<?, ?> kpiMethod(Message request) {
    String name = request.getDescriptorForType().getName().replace("Request", "");
    return KpiServiceGrpc.getServiceDescriptor().getMethods().stream()
        .filter(m -> m.getBareMethodName().equals(name)).findFirst().orElseThrow();
  }

  private Method on(MethodDescriptor<?, ?> method, Message valid, String nameField) {
    return new Method(method, valid).missingRequired(valid, "").names(nameField);
  }

  /** The cases of one method: each one change to its valid request. */
  final class Method {

    private final MethodDescriptor<?, ?> method;
    private final Message valid;

    Method(MethodDescriptor<?, ?> method, Message valid) {
      this.method = method;
      this.valid = valid;
    }

    /** {@code path} set to {@code value} is INVALID_ARGUMENT on that path. */
    Method invalid(String path, Object value) {
      return invalid(path, value, path);
    }

    Method invalid(String path, Object value, String field) {
      return expect(path + " = " + shown(value), ProtoPaths.set(valid, path, value), INVALID_ARGUMENT, field);
    }

    /** {@code path} set to {@code value} gets {@code code} on that path. */
    Method status(String path, Object value, Status.Code code) {
      return expect(path + " = " + shown(value), ProtoPaths.set(valid, path, value), code, path);
    }

    /** {@code path} set to {@code value} is fine: text that looks like SQL is only text. */
    Method accepted(String path, Object value) {
      return expect(path + " = " + shown(value), ProtoPaths.set(valid, path, value), OK, null);
    }

    Method expect(String what, Message request, Status.Code code, String field) {
      cases.add(new BadCall(method, what, request.toByteArray(), code, field));
      return this;
    }

    /** The string at {@code path} as bytes that are not UTF-8: INVALID_ARGUMENT on that path. */
    Method notUtf8(String path) {
      cases.add(new BadCall(method, path + " not UTF-8", ProtoPaths.withRawString(valid, path, NOT_UTF8),
          INVALID_ARGUMENT, path));
      return this;
    }

    /** Each REQUIRED field cleared, and those of the messages it holds (the first of a list). */
    private Method missingRequired(Message message, String prefix) {
      for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
        if (!required(field) || field.getJavaType() == FieldDescriptor.JavaType.DOUBLE
            || field.getJavaType() == FieldDescriptor.JavaType.BOOLEAN) {
          continue; // for a double or a bool, 0 and false are values: nothing to clear
        }
        String path = prefix + field.getName();
        String bare = method.getBareMethodName() + "/" + path;
        expect(path + " missing", ProtoPaths.clear(valid, path), INVALID_ARGUMENT,
            MISSING_REPORTED_ON.getOrDefault(bare, path));
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          if (!field.isRepeated() && message.hasField(field)) {
            missingRequired((Message) message.getField(field), path + ".");
          } else if (field.isRepeated() && message.getRepeatedFieldCount(field) > 0) {
            missingRequired((Message) message.getRepeatedField(field, 0), path + "[0].");
          }
        }
      }
      return this;
    }

    /** The resource name at {@code path} spelled wrong, and one of a tenant that does not exist. */
    private Method names(String path) {
      if (path == null) {
        return this;
      }
      String name = (String) ProtoPaths.get(valid, path);
      for (String wrong : List.of("tenants/", "tenants//customers/a", "corpus", "tenants/CORPUS", "tenants/corpus/",
          "tenants/" + SQL_QUOTE, "tenants/" + SQL_OR, "tenants/" + HUGE)) {
        invalid(path, wrong);
      }
      if (name.startsWith(T)) {
        Message elsewhere = valid;
        for (FieldDescriptor field : valid.getDescriptorForType().getFields()) {
          if (!field.isRepeated() && valid.getField(field) instanceof String other && other.startsWith(T + "/")) {
            elsewhere = ProtoPaths.set(elsewhere, field.getName(), "tenants/nobody" + other.substring(T.length()));
          }
        }
        expect(path + " in a tenant that does not exist", ProtoPaths.set(elsewhere, path,
            "tenants/nobody" + name.substring(T.length())), NOT_FOUND, path);
        cases.add(new BadCall(method, "with another tenant's key", valid.toByteArray(), PERMISSION_DENIED, path)
            .as(OTHER_TENANTS_KEY));
        cases.add(new BadCall(method, "without a key", valid.toByteArray(), UNAUTHENTICATED, null).as(NO_KEY));
      }
      return notUtf8(path);
    }

    /** Page sizes and tokens out of range or made up. */
    Method pages() {
      return invalid("page_size", -1).invalid("page_size", 1001).invalid("page_size", Integer.MAX_VALUE)
          .invalid("page_token", "nonsense").invalid("page_token", SQL_QUOTE).invalid("page_token", HUGE);
    }

    /** Records per batch: none, and one over the limit of 1000. */
    Method batchLimits(String path) {
      Message first = (Message) ProtoPaths.get(valid, path + "[0]");
      return invalid(path, List.of()).invalid(path, Collections.nCopies(1001, first));
    }

    /** Periods that are no period. */
    Method periods() {
      return invalid("period", interval("2025-02-01T00:00:00Z", "2025-01-01T00:00:00Z"), "period.interval.end_time")
          .invalid("period", interval("2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z"), "period.interval.end_time")
          .invalid("period", Period.newBuilder().setInterval(Interval.newBuilder()
              .setStartTime(Timestamp.newBuilder().setSeconds(Long.MIN_VALUE))
              .setEndTime(ts("2025-01-01T00:00:00Z"))).build(), "period.interval.start_time")
          .invalid("period", Period.getDefaultInstance())
          .invalid("period.calendar.unit", 99)
          .invalid("period.calendar.date", Date.newBuilder().setYear(2025).setMonth(13).setDay(1).build())
          .invalid("period.calendar.date", Date.getDefaultInstance())
          .invalid("period.calendar.time_zone", "Mars/Olympus")
          .invalid("period.calendar.time_zone", SQL_QUOTE)
          .invalid("period.calendar.time_zone", HUGE)
          .notUtf8("period.calendar.time_zone");
    }

    /** Segment filters with no key, no values, too many or too long values. */
    Method segments() {
      AttributeFilter gold = AttributeFilter.newBuilder().setKey("plan").addValues("gold").build();
      return segment("no key", gold.toBuilder().setKey("").build(), INVALID_ARGUMENT, "segment[0].key")
          .segment("a key of 100k characters", gold.toBuilder().setKey(HUGE).build(), INVALID_ARGUMENT, "segment[0].key")
          .segment("a key that looks like SQL", gold.toBuilder().setKey(SQL_QUOTE).build(), INVALID_ARGUMENT,
              "segment[0].key")
          .segment("no values", gold.toBuilder().clearValues().build(), INVALID_ARGUMENT, "segment[0].values")
          .segment("101 values", gold.toBuilder().clearValues().addAllValues(IntStream.range(0, 101).mapToObj(i -> "v" + i).toList()).build(),
              INVALID_ARGUMENT, "segment[0].values")
          .segment("a value of 100k characters", gold.toBuilder().addValues(HUGE).build(), INVALID_ARGUMENT,
              "segment[0].values")
          .segment("values that look like SQL", gold.toBuilder().addValues(SQL_QUOTE).addValues(SQL_OR).build(), OK, null)
          .expect("17 segment filters", ProtoPaths.set(valid, "segment", Collections.nCopies(17, gold)),
              INVALID_ARGUMENT, "segment");
    }

    private Method segment(String what, AttributeFilter filter, Status.Code code, String field) {
      return expect("a segment filter with " + what, ProtoPaths.set(valid, "segment", List.of(filter)), code, field);
    }
  }

  private static boolean required(FieldDescriptor field) {
    return field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.REQUIRED);
  }

  private static String shown(Object value) {
    String text = value instanceof Message message ? message.getClass().getSimpleName()
        + "{" + message.toString().replaceAll("\\s+", " ").trim() + "}" : String.valueOf(value);
    if (value instanceof List<?> list) {
      text = list.size() + " items";
    }
    return text.length() > 60 ? text.substring(0, 40) + "... (" + text.length() + " characters)" : text;
  }

  static Timestamp ts(String instant) {
    Instant i = Instant.parse(instant);
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static Date date(String date) {
    LocalDate d = LocalDate.parse(date);
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  static Period calendar(CalendarUnit unit, String date) {
    return Period.newBuilder().setCalendar(CalendarPeriod.newBuilder().setUnit(unit).setDate(date(date))).build();
  }

  static Period interval(String start, String end) {
    return Period.newBuilder().setInterval(Interval.newBuilder().setStartTime(ts(start)).setEndTime(ts(end))).build();
  }

  static Money usd(String amount) {
    return Money.newBuilder().setCurrencyCode("USD").setAmount(amount).build();
  }

  static Purchase purchase(String order, String customer, String amount) {
    return Purchase.newBuilder().setOrderId(order).setCustomerId(customer).setPurchaseTime(ts("2025-01-15T00:00:00Z"))
        .setAmount(usd(amount)).build();
  }
}
