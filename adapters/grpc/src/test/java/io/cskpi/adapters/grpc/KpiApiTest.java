package io.cskpi.adapters.grpc;

import static io.cskpi.adapters.grpc.Api.calendar;
import static io.cskpi.adapters.grpc.Api.customer;
import static io.cskpi.adapters.grpc.Api.interval;
import static io.cskpi.adapters.grpc.Api.purchase;
import static io.cskpi.adapters.grpc.Api.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ChurnRate;
import io.cskpi.proto.v1.ChurnRule;
import io.cskpi.proto.v1.ClvMethod;
import io.cskpi.proto.v1.ComputeChurnRateRequest;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerLifetimeValue;
import io.cskpi.proto.v1.InactivityRule;
import io.cskpi.proto.v1.LifecycleEvent;
import io.cskpi.proto.v1.LifecycleEventType;
import io.cskpi.proto.v1.LifespanSource;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.Tenant;
import io.cskpi.proto.v1.UndefinedReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worked examples of spec sections 1 and 2, through the real gRPC API. */
class KpiApiTest {

  private static final String T = "tenants/acme";
  private static final Period JANUARY_2025 = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-01-15", "");

  private InProcessApi api;

  @BeforeEach
  void start() throws Exception {
    api = new InProcessApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private void tenant(Tenant settings) {
    api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme").setTenant(settings).build());
  }

  private void customers(List<Customer> customers) {
    for (int from = 0; from < customers.size(); from += 1000) {
      api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
          .addAllCustomers(customers.subList(from, Math.min(customers.size(), from + 1000))).build());
    }
  }

  private void events(List<LifecycleEvent> events) {
    api.customers.batchRecordLifecycleEvents(
        BatchRecordLifecycleEventsRequest.newBuilder().setParent(T).addAllEvents(events).build());
  }

  private void purchases(List<Purchase> purchases) {
    for (int from = 0; from < purchases.size(); from += 1000) {
      api.purchases.batchRecordPurchases(BatchRecordPurchasesRequest.newBuilder().setParent(T)
          .addAllPurchases(purchases.subList(from, Math.min(purchases.size(), from + 1000))).build());
    }
  }

  private static LifecycleEvent event(String customer, LifecycleEventType type, String time) {
    return LifecycleEvent.newBuilder().setCustomerId(customer).setType(type).setEventTime(ts(time)).build();
  }

  private ChurnRate churn(Period period) {
    return api.kpis.computeChurnRate(ComputeChurnRateRequest.newBuilder().setTenant(T).setPeriod(period).build())
        .getChurnRates(0);
  }

  private CustomerLifetimeValue clv(Period period) {
    return api.kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest.newBuilder()
        .setTenant(T).setPeriod(period).build()).getCustomerLifetimeValues(0);
  }

  @Test
  void briefExample500CustomersAnd50Lost() {
    tenant(Tenant.getDefaultInstance());
    List<Customer> customers = new ArrayList<>();
    List<LifecycleEvent> churns = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      customers.add(customer("c" + i, "2024-12-01T00:00:00Z"));
      if (i < 50) {
        churns.add(event("c" + i, LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED, "2025-01-20T10:00:00Z"));
      }
    }
    customers(customers);
    events(churns);

    ChurnRate churn = churn(JANUARY_2025);

    assertThat(churn.getRatePercent()).isEqualTo(10.0);
    assertThat(churn.getRetentionRatePercent()).isEqualTo(90.0);
    assertThat(churn.getCustomersAtStart()).isEqualTo(500);
    assertThat(churn.getChurned()).isEqualTo(50);
    assertThat(churn.getPeriod().getLabel()).isEqualTo("2025-01");
    assertThat(churn.getRule().hasLifecycleEvents()).isTrue();
  }

  @Test
  void workedExampleWithTheEdgeCases() {
    tenant(Tenant.getDefaultInstance());
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      customers.add(customer("c" + i, "2024-06-01T00:00:00Z"));
    }
    customers.add(customer("late", "2025-01-03T00:00:00Z"));
    customers(customers);
    List<LifecycleEvent> events = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      events.add(event("c" + i, LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED, "2025-01-1" + (i % 10) + "T08:00:00Z"));
    }
    events.add(event("c0", LifecycleEventType.LIFECYCLE_EVENT_TYPE_REACTIVATED, "2025-01-25T08:00:00Z"));
    events.add(event("late", LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED, "2025-01-20T08:00:00Z"));
    events(events);

    ChurnRate churn = churn(JANUARY_2025);

    assertThat(churn.getCustomersAtStart()).isEqualTo(100);
    assertThat(churn.getChurned()).isEqualTo(10);
    assertThat(churn.getRatePercent()).isEqualTo(10.0);
    assertThat(churn.getNewCustomers()).isEqualTo(1);
    assertThat(churn.getNewAndChurned()).isEqualTo(1);
    assertThat(churn.getReactivations()).isEqualTo(1);
    assertThat(churn.getActiveAtEnd()).isEqualTo(90);
  }

  @Test
  void inactivityRuleExample() {
    tenant(Tenant.newBuilder().setChurnRule(ChurnRule.newBuilder()
        .setInactivity(InactivityRule.newBuilder().setDays(90))).build());
    customers(List.of(customer("a", null)));
    purchases(List.of(purchase("o1", "a", "2025-01-10T00:00:00Z", "10.00"),
        purchase("o2", "a", "2025-05-20T00:00:00Z", "10.00")));

    ChurnRate april = churn(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-04-01", ""));
    ChurnRate tenthOfApril = churn(calendar(CalendarUnit.CALENDAR_UNIT_DAY, "2025-04-10", ""));
    ChurnRate may = churn(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-05-01", ""));

    assertThat(april.getCustomersAtStart()).isEqualTo(1);
    assertThat(april.getChurned()).isEqualTo(1);
    assertThat(tenthOfApril.getChurned()).as("churn on Apr 10 itself").isEqualTo(1);
    assertThat(may.hasRatePercent()).isFalse();
    assertThat(may.getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_ZERO_DENOMINATOR);
    assertThat(may.getReactivations()).isEqualTo(1);
    assertThat(may.getActiveAtEnd()).isEqualTo(1);
    assertThat(may.getRule().getInactivity().getDays()).isEqualTo(90);
  }

  @Test
  void historicalClvExample() {
    // 365 days, 1,200 purchases worth 60,000.00 by 400 customers, mean lifespan 1,095 days: 450.00
    tenant(Tenant.getDefaultInstance());
    List<Customer> customers = new ArrayList<>();
    List<Purchase> purchases = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      customers.add(customer("buyer" + i, "2024-01-01T00:00:00Z"));
      for (int k = 0; k < 3; k++) {
        purchases.add(purchase("o" + i + "-" + k, "buyer" + i, "2025-0" + (k + 2) + "-10T12:00:00Z", "50.00"));
      }
    }
    List<LifecycleEvent> churns = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      LocalDate acquired = LocalDate.parse("2020-01-01").plusDays(i);
      customers.add(customer("gone" + i, acquired + "T00:00:00Z"));
      churns.add(event("gone" + i, LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED,
          acquired.plusDays(1095) + "T00:00:00Z"));
    }
    customers(customers);
    purchases(purchases);
    events(churns);

    CustomerLifetimeValue clv = clv(calendar(CalendarUnit.CALENDAR_UNIT_YEAR, "2025-06-01", ""));

    assertThat(clv.getValue().getAmount()).isEqualTo("450.00");
    assertThat(clv.getValue().getCurrencyCode()).isEqualTo("USD");
    var inputs = clv.getHistorical();
    assertThat(inputs.getRevenue().getAmount()).isEqualTo("60000.00");
    assertThat(inputs.getPurchases()).isEqualTo(1200);
    assertThat(inputs.getPurchasingCustomers()).isEqualTo(400);
    assertThat(new BigDecimal(inputs.getAveragePurchaseValue().getAmount())).isEqualByComparingTo("50");
    assertThat(inputs.getPurchaseFrequencyPer365Days()).isCloseTo(3.0, offset(1e-12));
    assertThat(inputs.getLifespanDays()).isEqualTo(1095.0);
    assertThat(inputs.getLifespanSource()).isEqualTo(LifespanSource.LIFESPAN_SOURCE_CHURNED_CUSTOMERS);
    assertThat(inputs.getChurnedCustomers()).isEqualTo(4);
    assertThat(clv.getPeriod().getDays()).isEqualTo(365.0);
  }

  @Test
  void periodsFollowTheTenantZone() {
    // 2024-03-31T16:30Z falls in April for a tenant in Asia/Shanghai
    tenant(Tenant.newBuilder().setTimeZone("Asia/Shanghai").build());
    customers(List.of(customer("a", null)));
    purchases(List.of(purchase("o1", "a", "2024-03-31T16:30:00Z", "12.00")));

    CustomerLifetimeValue april = clv(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2024-04-01", ""));
    CustomerLifetimeValue marchUtc = clv(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2024-03-01", "UTC"));

    assertThat(april.getHistorical().getPurchases()).isEqualTo(1);
    assertThat(april.getPeriod().getTimeZone()).isEqualTo("Asia/Shanghai");
    assertThat(marchUtc.getHistorical().getPurchases()).isEqualTo(1);
  }

  @Test
  void anUndefinedKpiHasNoValueAndSaysWhy() {
    tenant(Tenant.getDefaultInstance());

    ChurnRate churn = churn(interval("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"));
    CustomerLifetimeValue clv = clv(JANUARY_2025);

    assertThat(churn.hasRatePercent()).isFalse();
    assertThat(churn.getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_ZERO_DENOMINATOR);
    assertThat(clv.hasValue()).isFalse();
    assertThat(clv.getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_NO_DATA);
  }

  @Test
  void arpaChurnExample() {
    // ARPA 100.00 per month and churn 5 % per month: CLV 2,000.00
    tenant(Tenant.getDefaultInstance());
    List<Customer> customers = new ArrayList<>();
    List<Purchase> purchases = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      customers.add(customer("c" + i, "2024-06-01T00:00:00Z"));
      purchases.add(purchase("o" + i, "c" + i, "2025-01-02T00:00:00Z", "100.00"));
    }
    customers(customers);
    purchases(purchases);
    events(List.of(event("c0", LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED, "2025-01-15T00:00:00Z")));

    CustomerLifetimeValue clv = api.kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest
        .newBuilder().setTenant(T).setPeriod(JANUARY_2025).setMethod(ClvMethod.CLV_METHOD_ARPA_CHURN).build())
        .getCustomerLifetimeValues(0);

    assertThat(clv.getValue().getAmount()).isEqualTo("2000.00");
    assertThat(clv.getMethod()).isEqualTo(ClvMethod.CLV_METHOD_ARPA_CHURN);
    assertThat(new BigDecimal(clv.getArpaChurn().getArpaPerMonth().getAmount())).isEqualByComparingTo("100");
    assertThat(clv.getArpaChurn().getMonthlyChurnPercent()).isEqualTo(5.0);
    assertThat(clv.getArpaChurn().getMonthsList()).extracting(m -> m.getLabel() + " " + m.getActiveCustomers() + " "
        + m.getCustomersAtStart() + " " + m.getChurned()).containsExactly("2025-01 20 20 1");
  }

  @Test
  void arpaChurnNeedsWholeMonths() {
    tenant(Tenant.getDefaultInstance());

    var e = org.assertj.core.api.Assertions.catchThrowableOfType(io.grpc.StatusRuntimeException.class,
        () -> api.kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest.newBuilder().setTenant(T)
            .setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_WEEK, "2025-01-15", ""))
            .setMethod(ClvMethod.CLV_METHOD_ARPA_CHURN).build()));

    assertThat(Api.fields(e)).containsExactly("period");
  }
}
