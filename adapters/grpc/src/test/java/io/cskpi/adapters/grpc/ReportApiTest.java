package io.cskpi.adapters.grpc;

import static io.cskpi.adapters.grpc.Api.calendar;
import static io.cskpi.adapters.grpc.Api.customer;
import static io.cskpi.adapters.grpc.Api.purchase;
import static io.cskpi.adapters.grpc.Api.ts;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Date;
import io.cskpi.proto.v1.AttributeFilter;
import io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordRetentionExpensesRequest;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ComputeChurnRateRequest;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueRequest;
import io.cskpi.proto.v1.ComputeCustomerSatisfactionRequest;
import io.cskpi.proto.v1.ComputeKpiReportRequest;
import io.cskpi.proto.v1.ComputeNetPromoterScoreRequest;
import io.cskpi.proto.v1.ComputeRetentionCostRequest;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.KpiReport;
import io.cskpi.proto.v1.LifecycleEvent;
import io.cskpi.proto.v1.LifecycleEventType;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.RetentionExpense;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.cskpi.proto.v1.SurveyResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The KPI report gives, per period, exactly what each KPI's own call gives. */
class ReportApiTest {

  private static final String T = "tenants/acme";
  private static final Period FIRST_QUARTER_MONTH = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-01-01", "");

  private InProcessApi api;

  @BeforeEach
  void start() {
    api = new InProcessApi();
    api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme").build());
    api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
        .addCustomers(customer("a", "2024-06-01T00:00:00Z").toBuilder().putAttributes("plan", "pro"))
        .addCustomers(customer("b", "2024-06-01T00:00:00Z").toBuilder().putAttributes("plan", "basic"))
        .addCustomers(customer("c", "2025-02-01T00:00:00Z").toBuilder().putAttributes("plan", "pro")).build());
    api.customers.batchRecordLifecycleEvents(BatchRecordLifecycleEventsRequest.newBuilder().setParent(T)
        .addEvents(LifecycleEvent.newBuilder().setCustomerId("b").setType(LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED)
            .setEventTime(ts("2025-02-10T00:00:00Z"))).build());
    api.purchases.batchRecordPurchases(BatchRecordPurchasesRequest.newBuilder().setParent(T)
        .addPurchases(purchase("o1", "a", "2025-01-05T00:00:00Z", "40.00"))
        .addPurchases(purchase("o2", "b", "2025-01-06T00:00:00Z", "60.00"))
        .addPurchases(purchase("o3", "c", "2025-03-01T00:00:00Z", "25.50")).build());
    api.surveys.createSurvey(CreateSurveyRequest.newBuilder().setParent(T)
        .setSurvey(Survey.newBuilder().setSurveyId("nps").setKind(SurveyKind.SURVEY_KIND_NPS)).build());
    api.surveys.createSurvey(CreateSurveyRequest.newBuilder().setParent(T)
        .setSurvey(Survey.newBuilder().setSurveyId("csat").setKind(SurveyKind.SURVEY_KIND_CSAT)).build());
    api.surveys.batchRecordSurveyResponses(BatchRecordSurveyResponsesRequest.newBuilder().setParent(T)
        .addResponses(SurveyResponse.newBuilder().setResponseId("r1").setSurveyId("nps").setCustomerId("a")
            .setResponseTime(ts("2025-01-20T00:00:00Z")).setScore(9))
        .addResponses(SurveyResponse.newBuilder().setResponseId("r2").setSurveyId("csat").setCustomerId("c")
            .setResponseTime(ts("2025-03-20T00:00:00Z")).setScore(2)).build());
    api.expenses.batchRecordRetentionExpenses(BatchRecordRetentionExpensesRequest.newBuilder().setParent(T)
        .addExpenses(RetentionExpense.newBuilder().setExpenseId("e1").setCategory("support")
            .setAmount(Money.newBuilder().setCurrencyCode("USD").setAmount("300.00"))
            .setDate(Date.newBuilder().setYear(2025).setMonth(2).setDay(14))).build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theReportEqualsEachKpisOwnCall() {
    List<KpiReport> reports = api.kpis.computeKpiReport(ComputeKpiReportRequest.newBuilder().setTenant(T)
        .setPeriod(FIRST_QUARTER_MONTH).setPeriodCount(3).build()).getReportsList();

    var churn = api.kpis.computeChurnRate(ComputeChurnRateRequest.newBuilder().setTenant(T)
        .setPeriod(FIRST_QUARTER_MONTH).setPeriodCount(3).build()).getChurnRatesList();
    var clv = api.kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest.newBuilder().setTenant(T)
        .setPeriod(FIRST_QUARTER_MONTH).setPeriodCount(3).build()).getCustomerLifetimeValuesList();
    var cost = api.kpis.computeRetentionCost(ComputeRetentionCostRequest.newBuilder().setTenant(T)
        .setPeriod(FIRST_QUARTER_MONTH).setPeriodCount(3).build()).getRetentionCostsList();
    var nps = api.kpis.computeNetPromoterScore(ComputeNetPromoterScoreRequest.newBuilder().setTenant(T)
        .setPeriod(FIRST_QUARTER_MONTH).setPeriodCount(3).build()).getNetPromoterScoresList();
    var csat = api.kpis.computeCustomerSatisfaction(ComputeCustomerSatisfactionRequest.newBuilder().setTenant(T)
        .setPeriod(FIRST_QUARTER_MONTH).setPeriodCount(3).build()).getCustomerSatisfactionsList();

    assertThat(reports).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(reports.get(i).getChurnRate()).isEqualTo(churn.get(i));
      assertThat(reports.get(i).getCustomerLifetimeValue()).isEqualTo(clv.get(i));
      assertThat(reports.get(i).getRetentionCost()).isEqualTo(cost.get(i));
      assertThat(reports.get(i).getNetPromoterScore()).isEqualTo(nps.get(i));
      assertThat(reports.get(i).getCustomerSatisfaction()).isEqualTo(csat.get(i));
    }
    assertThat(reports.get(1).getChurnRate().getRatePercent()).as("b churned in February").isEqualTo(50.0);
    assertThat(reports.get(1).getRetentionCost().getPerCustomer().getAmount()).isEqualTo("300.00");
    assertThat(reports.get(0).getNetPromoterScore().getScore()).isEqualTo(100.0);
    assertThat(reports.get(2).getCustomerSatisfaction().getRatePercent()).isZero();
  }

  @Test
  void aSegmentedReportLeavesTheRetentionCostOut() {
    List<KpiReport> reports = api.kpis.computeKpiReport(ComputeKpiReportRequest.newBuilder().setTenant(T)
        .setPeriod(FIRST_QUARTER_MONTH).addSegment(AttributeFilter.newBuilder().setKey("plan").addValues("pro"))
        .build()).getReportsList();

    assertThat(reports.get(0).hasRetentionCost()).isFalse();
    assertThat(reports.get(0).getCustomerLifetimeValue().getHistorical().getRevenue().getAmount()).isEqualTo("40.00");
  }
}
