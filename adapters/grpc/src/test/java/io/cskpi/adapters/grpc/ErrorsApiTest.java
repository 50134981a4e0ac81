package io.cskpi.adapters.grpc;

import static io.cskpi.adapters.grpc.Api.calendar;
import static io.cskpi.adapters.grpc.Api.code;
import static io.cskpi.adapters.grpc.Api.customer;
import static io.cskpi.adapters.grpc.Api.fields;
import static io.cskpi.adapters.grpc.Api.interval;
import static io.cskpi.adapters.grpc.Api.purchase;
import static io.cskpi.adapters.grpc.Api.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesResponse;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ComputeChurnRateRequest;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.GetCustomerRequest;
import io.cskpi.proto.v1.ListCustomersRequest;
import io.cskpi.proto.v1.ListPurchasesRequest;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.Tenant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input through the real gRPC API: a clear status, the offending field, nothing stored. */
class ErrorsApiTest {

  private static final String T = "tenants/acme";

  private InProcessApi api;

  @BeforeEach
  void start() throws Exception {
    api = new InProcessApi();
    api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme").build());
    api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
        .addCustomers(customer("a", "2024-01-01T00:00:00Z")).build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private StatusRuntimeException record(String parent, List<Purchase> purchases) {
    return catchThrowableOfType(StatusRuntimeException.class, () -> api.purchases.batchRecordPurchases(
        BatchRecordPurchasesRequest.newBuilder().setParent(parent).addAllPurchases(purchases).build()));
  }

  private int storedPurchases() {
    return api.purchases.listPurchases(ListPurchasesRequest.newBuilder().setParent(T).build()).getPurchasesCount();
  }

  @Test
  void unknownTenantIsNotFoundOnTheParentField() {
    StatusRuntimeException e = record("tenants/nobody", List.of(purchase("o1", "a", "2025-01-01T00:00:00Z", "1.00")));

    assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reason(e)).isEqualTo("TENANT_NOT_FOUND");
    assertThat(fields(e)).containsExactly("parent");
  }

  @Test
  void aPurchaseOfAnUnknownCustomerStoresNothingOfTheBatch() {
    StatusRuntimeException e = record(T, List.of(purchase("o1", "a", "2025-01-01T00:00:00Z", "1.00"),
        purchase("o2", "ghost", "2025-01-01T00:00:00Z", "1.00")));

    assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reason(e)).isEqualTo("CUSTOMER_NOT_FOUND");
    assertThat(fields(e)).containsExactly("purchases[1].customer_id");
    assertThat(storedPurchases()).isZero();
  }

  @ParameterizedTest(name = "amount \"{0}\" {1}: {2}")
  @CsvSource({
      "-5.00, USD, purchases[0].amount.amount",
      "'12,50', USD, purchases[0].amount.amount",
      "abc, USD, purchases[0].amount.amount",
      "'', USD, purchases[0].amount.amount",
      "1.00, ABC, purchases[0].amount.currency_code",
      "1.00, '', purchases[0].amount.currency_code",
  })
  void badAmountsAreInvalidArguments(String amount, String currency, String field) {
    Purchase bad = purchase("o1", "a", "2025-01-01T00:00:00Z", "1.00").toBuilder()
        .setAmount(Money.newBuilder().setAmount(amount).setCurrencyCode(currency)).build();

    StatusRuntimeException e = record(T, List.of(bad));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly(field);
    assertThat(storedPurchases()).isZero();
  }

  @Test
  void everyBadRecordOfABatchIsNamed() {
    Purchase good = purchase("o1", "a", "2025-01-01T00:00:00Z", "1.00");
    StatusRuntimeException e = record(T, List.of(good,
        good.toBuilder().setOrderId("").build(),
        good.toBuilder().setOrderId("o3").clearPurchaseTime().build(),
        good.toBuilder().setOrderId("o1").build()));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("purchases[1].order_id", "purchases[2].purchase_time");
  }

  @Test
  void repeatedIdsInOneBatchAreNamed() {
    Purchase good = purchase("o1", "a", "2025-01-01T00:00:00Z", "1.00");

    StatusRuntimeException e = record(T, List.of(good, good));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("purchases[1].order_id");
  }

  @Test
  void emptyAndOversizedBatchesAreRefused() {
    Purchase good = purchase("o1", "a", "2025-01-01T00:00:00Z", "1.00");

    StatusRuntimeException empty = record(T, List.of());
    StatusRuntimeException oversized = record(T, Collections.nCopies(1001, good));

    assertThat(code(empty)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(empty)).containsExactly("purchases");
    assertThat(code(oversized)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(oversized)).containsExactly("purchases");
  }

  @Test
  void aRetriedBatchChangesNothingAndAConflictingOneIsRefused() {
    List<Purchase> batch = List.of(purchase("o1", "a", "2025-01-01T00:00:00Z", "1.00"),
        purchase("o2", "a", "2025-01-02T00:00:00Z", "2.00"));
    BatchRecordPurchasesRequest request = BatchRecordPurchasesRequest.newBuilder().setParent(T)
        .addAllPurchases(batch).build();

    BatchRecordPurchasesResponse first = api.purchases.batchRecordPurchases(request);
    BatchRecordPurchasesResponse retry = api.purchases.batchRecordPurchases(request);
    StatusRuntimeException conflict = record(T, List.of(purchase("o2", "a", "2025-01-02T00:00:00Z", "2.01")));

    assertThat(first.getRecordedCount()).isEqualTo(2);
    assertThat(retry.getRecordedCount()).isZero();
    assertThat(retry.getAlreadyRecordedCount()).isEqualTo(2);
    assertThat(code(conflict)).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(reason(conflict)).isEqualTo("ORDER_ID_CONFLICT");
    assertThat(fields(conflict)).containsExactly("purchases[0].order_id");
    assertThat(storedPurchases()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "end before start, INTERVAL, 2025-02-01T00:00:00Z, 2025-01-01T00:00:00Z, period.interval.end_time",
      "empty interval, INTERVAL, 2025-02-01T00:00:00Z, 2025-02-01T00:00:00Z, period.interval.end_time",
      "unknown time zone, CALENDAR, Mars/Olympus, '', period.calendar.time_zone",
      "offset as zone, CALENDAR, +02:00, '', period.calendar.time_zone",
  })
  void badPeriodsAreNamed(String what, String kind, String a, String b, String field) {
    Period period = kind.equals("INTERVAL") ? interval(a, b) : calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-01-01", a);

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> api.kpis.computeChurnRate(
        ComputeChurnRateRequest.newBuilder().setTenant(T).setPeriod(period).build()));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly(field);
  }

  @Test
  void aMissingPeriodOrUnitIsNamed() {
    StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.kpis.computeChurnRate(ComputeChurnRateRequest.newBuilder().setTenant(T).build()));
    StatusRuntimeException noUnit = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest.newBuilder().setTenant(T)
            .setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_UNSPECIFIED, "2025-01-01", "")).build()));

    assertThat(fields(missing)).containsExactly("period");
    assertThat(fields(noUnit)).containsExactly("period.calendar.unit");
  }

  @Test
  void anUnknownCurrencyForClvIsNamed() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest.newBuilder().setTenant(T)
            .setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_YEAR, "2025-01-01", "")).setCurrencyCode("EURO").build()));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("currency_code");
  }

  @ParameterizedTest(name = "parent \"{0}\"")
  @CsvSource({"acme", "tenants/", "tenants/ACME", "tenants/acme/customers/a", "''"})
  void malformedNamesAreNamed(String parent) {
    StatusRuntimeException e = record(parent, List.of(purchase("o1", "a", "2025-01-01T00:00:00Z", "1.00")));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("parent");
  }

  @Test
  void unknownCustomerIsNotFoundAndTenantsAreCreatedOnce() {
    StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class, () -> api.customers
        .getCustomer(GetCustomerRequest.newBuilder().setName(T + "/customers/ghost").build()));
    StatusRuntimeException twice = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme").build()));
    StatusRuntimeException badId = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("Acme!").build()));
    StatusRuntimeException badZone = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("other")
            .setTenant(Tenant.newBuilder().setTimeZone("Europe/Atlantis")).build()));

    assertThat(code(missing)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(fields(missing)).containsExactly("name");
    assertThat(code(twice)).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(fields(badId)).containsExactly("tenant_id");
    assertThat(fields(badZone)).containsExactly("tenant.time_zone");
  }

  @Test
  void badPagesAreNamed() {
    StatusRuntimeException size = catchThrowableOfType(StatusRuntimeException.class, () -> api.customers
        .listCustomers(ListCustomersRequest.newBuilder().setParent(T).setPageSize(-1).build()));
    StatusRuntimeException token = catchThrowableOfType(StatusRuntimeException.class, () -> api.purchases
        .listPurchases(ListPurchasesRequest.newBuilder().setParent(T).setPageToken("nonsense").build()));

    assertThat(fields(size)).containsExactly("page_size");
    assertThat(code(token)).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  private static Purchase refund(String order, String of, String amount) {
    return purchase(order, "a", "2025-02-01T00:00:00Z", amount).toBuilder().setRefundedOrderId(of).build();
  }

  @Test
  void refundsMustNameAnOrderAndNeverExceedIt() {
    api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
        .addCustomers(customer("b", "2024-01-01T00:00:00Z")).build());
    api.purchases.batchRecordPurchases(BatchRecordPurchasesRequest.newBuilder().setParent(T)
        .addPurchases(purchase("o1", "a", "2025-01-01T00:00:00Z", "10.00"))
        .addPurchases(purchase("o2", "b", "2025-01-01T00:00:00Z", "10.00")).build());

    StatusRuntimeException tooLarge = record(T, List.of(refund("r1", "o1", "-10.01")));
    StatusRuntimeException unknown = record(T, List.of(refund("r1", "o9", "-1.00")));
    StatusRuntimeException otherCustomer = record(T, List.of(refund("r1", "o2", "-1.00")));
    StatusRuntimeException positive = record(T, List.of(refund("r1", "o1", "1.00")));
    StatusRuntimeException negativeWithoutOrder = record(T, List.of(purchase("r1", "a", "2025-02-01T00:00:00Z", "-1.00")));
    StatusRuntimeException twoHalvesAndMore = record(T, List.of(refund("r1", "o1", "-6.00"), refund("r2", "o1", "-4.01")));
    StatusRuntimeException beforeItsOrder = record(T, List.of(refund("r1", "o1", "-1.00").toBuilder()
        .setPurchaseTime(Api.ts("2024-12-31T23:59:59Z")).build()));

    assertThat(fields(tooLarge)).containsExactly("purchases[0].amount.amount");
    assertThat(fields(unknown)).containsExactly("purchases[0].refunded_order_id");
    assertThat(fields(otherCustomer)).containsExactly("purchases[0].refunded_order_id");
    assertThat(fields(positive)).containsExactly("purchases[0].amount.amount");
    assertThat(fields(negativeWithoutOrder)).containsExactly("purchases[0].amount.amount");
    assertThat(fields(twoHalvesAndMore)).containsExactly("purchases[1].amount.amount");
    assertThat(fields(beforeItsOrder)).containsExactly("purchases[0].purchase_time");
    assertThat(storedPurchases()).isEqualTo(2);

    BatchRecordPurchasesRequest full = BatchRecordPurchasesRequest.newBuilder().setParent(T)
        .addPurchases(refund("r1", "o1", "-6.00")).addPurchases(refund("r2", "o1", "-4.00")).build();
    assertThat(api.purchases.batchRecordPurchases(full).getRecordedCount()).isEqualTo(2);
    assertThat(api.purchases.batchRecordPurchases(full).getAlreadyRecordedCount()).as("a retry is not a new refund")
        .isEqualTo(2);
    assertThat(fields(record(T, List.of(refund("r3", "o1", "-0.01"))))).containsExactly("purchases[0].amount.amount");
  }

  @Test
  void idsWithWhiteSpaceAtAnEndAreRefusedSinceTheStoreWouldIgnoreIt() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> api.customers
        .batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
            .addCustomers(customer("a ", null)).build()));

    assertThat(fields(e)).containsExactly("customers[0].customer_id");
    assertThat(fields(record(T, List.of(purchase(" o1", "a", "2025-01-01T00:00:00Z", "1.00")))))
        .containsExactly("purchases[0].order_id");
    StatusRuntimeException attribute = catchThrowableOfType(StatusRuntimeException.class, () -> api.customers
        .batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
            .addCustomers(customer("g", null).toBuilder().putAttributes("plan", "gold ")).build()));
    assertThat(fields(attribute)).containsExactly("customers[0].attributes[plan]");
    StatusRuntimeException segment = catchThrowableOfType(StatusRuntimeException.class, () -> api.kpis
        .computeChurnRate(io.cskpi.proto.v1.ComputeChurnRateRequest.newBuilder().setTenant(T)
            .setPeriod(Api.interval("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"))
            .addSegment(io.cskpi.proto.v1.AttributeFilter.newBuilder().setKey("plan").addValues("gold ")).build()));
    assertThat(fields(segment)).containsExactly("segment[0].values");
  }

  @Test
  void errorsNeverEchoUnboundedText() {
    String key = "k".repeat(20_000) + "!";
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> api.customers
        .batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
            .addCustomers(customer("z", null).toBuilder().putAttributes(key, "v")).build()));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription().length()).isLessThanOrEqualTo(GrpcErrors.MAX_TEXT + 3);
    assertThat(fields(e)).containsExactly("customers[0].attributes");
  }

  @Test
  void aThousandBadRecordsStillGiveAReadableError() {
    List<Purchase> bad = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      bad.add(purchase("bad/" + i, "a", "2025-01-01T00:00:00Z", "1.00"));
    }

    StatusRuntimeException e = record(T, bad);

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).hasSize(GrpcErrors.MAX_VIOLATIONS).first().isEqualTo("purchases[0].order_id");
    assertThat(e.getStatus().getDescription()).endsWith("(980 more not listed)");
  }

  @Test
  void tenantFieldsAreNamedOnce() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> api.tenants.createTenant(
        CreateTenantRequest.newBuilder().setTenantId("long").setTenant(Tenant.newBuilder()
            .setDisplayName("x".repeat(201))).build()));

    assertThat(fields(e)).containsExactly("tenant.display_name");
    assertThat(e.getStatus().getDescription()).startsWith("tenant.display_name");
  }

  @Test
  void anAcquisitionNeverMovesAfterTheCustomersEventsSoRetriesStayIdempotent() {
    var events = io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest.newBuilder().setParent(T)
        .addEvents(io.cskpi.proto.v1.LifecycleEvent.newBuilder().setCustomerId("a")
            .setType(io.cskpi.proto.v1.LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED)
            .setEventTime(Api.ts("2024-02-01T00:00:00Z"))).build();
    api.customers.batchRecordLifecycleEvents(events);

    StatusRuntimeException later = catchThrowableOfType(StatusRuntimeException.class, () -> api.customers
        .batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
            .addCustomers(customer("a", "2024-03-01T00:00:00Z")).build()));
    StatusRuntimeException twice = catchThrowableOfType(StatusRuntimeException.class, () -> api.customers
        .batchRecordLifecycleEvents(events.toBuilder().addEvents(events.getEvents(0)).build()));

    assertThat(fields(later)).containsExactly("customers[0].acquire_time");
    assertThat(api.customers.batchRecordLifecycleEvents(events).getAlreadyRecordedCount()).isEqualTo(1);
    assertThat(fields(twice)).containsExactly("events[1].event_time");
  }
}
