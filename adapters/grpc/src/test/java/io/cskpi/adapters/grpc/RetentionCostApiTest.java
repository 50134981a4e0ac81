package io.cskpi.adapters.grpc;

import static io.cskpi.adapters.grpc.Api.calendar;
import static io.cskpi.adapters.grpc.Api.code;
import static io.cskpi.adapters.grpc.Api.customer;
import static io.cskpi.adapters.grpc.Api.fields;
import static io.cskpi.adapters.grpc.Api.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.type.Date;
import io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest;
import io.cskpi.proto.v1.BatchRecordRetentionExpensesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ComputeRetentionCostRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.LifecycleEvent;
import io.cskpi.proto.v1.LifecycleEventType;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.RetentionCost;
import io.cskpi.proto.v1.RetentionCostDenominator;
import io.cskpi.proto.v1.RetentionExpense;
import io.cskpi.proto.v1.ServicePeriod;
import io.cskpi.proto.v1.UndefinedReason;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer Retention Cost through the real gRPC API (spec section 3). */
class RetentionCostApiTest {

  private static final String T = "tenants/acme";
  private static final Period JANUARY = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-01-01", "");

  private InProcessApi api;

  @BeforeEach
  void start() {
    api = new InProcessApi();
    api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme").build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static Date date(String iso) {
    LocalDate d = LocalDate.parse(iso);
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  private static RetentionExpense expense(String id, String amount, String category, String start, String end) {
    return RetentionExpense.newBuilder().setExpenseId(id).setCategory(category)
        .setAmount(Money.newBuilder().setCurrencyCode("EUR").setAmount(amount))
        .setServicePeriod(ServicePeriod.newBuilder().setStartDate(date(start)).setEndDate(date(end))).build();
  }

  private void expenses(RetentionExpense... expenses) {
    api.expenses.batchRecordRetentionExpenses(BatchRecordRetentionExpensesRequest.newBuilder().setParent(T)
        .addAllExpenses(List.of(expenses)).build());
  }

  private RetentionCost cost(Period period, RetentionCostDenominator denominator) {
    return api.kpis.computeRetentionCost(ComputeRetentionCostRequest.newBuilder().setTenant(T).setPeriod(period)
        .setDenominator(denominator).build()).getRetentionCosts(0);
  }

  @Test
  void specExample400ActiveAtStartAnd20Churned() {
    // 12,000.00 of expenses in a month, 400 active at start, 20 of them churn: 12,000 / 380 = 31.58
    List<Customer> customers = new ArrayList<>();
    List<LifecycleEvent> churns = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      customers.add(customer("c" + i, "2024-06-01T00:00:00Z"));
      if (i < 20) {
        churns.add(LifecycleEvent.newBuilder().setCustomerId("c" + i)
            .setType(LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED).setEventTime(ts("2025-01-15T00:00:00Z")).build());
      }
    }
    api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T).addAllCustomers(customers).build());
    api.customers.batchRecordLifecycleEvents(BatchRecordLifecycleEventsRequest.newBuilder().setParent(T)
        .addAllEvents(churns).build());
    expenses(expense("staff", "10000.00", "support", "2025-01-01", "2025-01-31"),
        RetentionExpense.newBuilder().setExpenseId("tool").setCategory("tools").setDate(date("2025-01-20"))
            .setAmount(Money.newBuilder().setCurrencyCode("EUR").setAmount("2000.00")).build());

    RetentionCost retained = cost(JANUARY, RetentionCostDenominator.RETENTION_COST_DENOMINATOR_UNSPECIFIED);
    RetentionCost atStart = cost(JANUARY, RetentionCostDenominator.RETENTION_COST_DENOMINATOR_ACTIVE_AT_START);

    assertThat(retained.getPerCustomer().getAmount()).isEqualTo("31.58");
    assertThat(retained.getCustomers()).isEqualTo(380);
    assertThat(retained.getDenominator()).isEqualTo(RetentionCostDenominator.RETENTION_COST_DENOMINATOR_RETAINED);
    assertThat(retained.getTotal().getAmount()).isEqualTo("12000.00");
    assertThat(retained.getByCategoryList()).extracting(c -> c.getCategory() + "=" + c.getAmount().getAmount())
        .containsExactly("support=10000.00", "tools=2000.00");
    assertThat(atStart.getPerCustomer().getAmount()).isEqualTo("30.00");
    assertThat(atStart.getCustomers()).isEqualTo(400);
  }

  @Test
  void aQuarterlyExpenseIsSpreadByDays() {
    // 9,000.00 for January to March 2025 puts 3,100.00 in January (31/90 of it)
    expenses(expense("q1", "9000.00", "tools", "2025-01-01", "2025-03-31"));

    List<RetentionCost> months = api.kpis.computeRetentionCost(ComputeRetentionCostRequest.newBuilder().setTenant(T)
        .setPeriod(JANUARY).setPeriodCount(4).build()).getRetentionCostsList();

    assertThat(months).extracting(c -> c.getTotal().getAmount()).containsExactly("3100.00", "2800.00", "3100.00", "0.00");
    assertThat(months.get(0).hasPerCustomer()).as("no customers: undefined").isFalse();
  }

  @Test
  void badExpensesAreNamedAndStoreNothing() {
    StatusRuntimeException reversed = catchThrowableOfType(StatusRuntimeException.class,
        () -> expenses(expense("ok", "1.00", "tools", "2025-01-01", "2025-01-01"),
            expense("bad", "1.00", "tools", "2025-02-01", "2025-01-01")));
    StatusRuntimeException noTiming = catchThrowableOfType(StatusRuntimeException.class,
        () -> expenses(RetentionExpense.newBuilder().setExpenseId("x").setCategory("tools")
            .setAmount(Money.newBuilder().setCurrencyCode("EUR").setAmount("1.00")).build()));

    assertThat(code(reversed)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(reversed)).containsExactly("expenses[1].service_period.end_date");
    assertThat(fields(noTiming)).containsExactly("expenses[0].service_period");
    RetentionCost january = cost(JANUARY, RetentionCostDenominator.RETENTION_COST_DENOMINATOR_RETAINED);
    assertThat(january.getUndefinedReason()).as("nothing of the refused batch")
        .isEqualTo(UndefinedReason.UNDEFINED_REASON_NO_DATA);
    assertThat(january.getByCategoryList()).isEmpty();
  }
}
