package io.cskpi.server;

import com.google.protobuf.Timestamp;
import io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordSignalsRequest;
import io.cskpi.proto.v1.HealthServiceGrpc;
import io.cskpi.proto.v1.Signal;
import io.cskpi.proto.v1.BatchRecordRetentionExpensesRequest;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.GetTenantRequest;
import io.cskpi.proto.v1.LifecycleEvent;
import io.cskpi.proto.v1.ListCustomersRequest;
import io.cskpi.proto.v1.ListCustomersResponse;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.RetentionExpense;
import io.cskpi.proto.v1.RetentionExpenseServiceGrpc;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyResponse;
import io.cskpi.proto.v1.SurveyServiceGrpc;
import io.cskpi.proto.v1.Tenant;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Writes records into one tenant through the public API, as any client would: batches of 1000,
 * each idempotent, so a call that failed with UNAVAILABLE is simply sent again.
 */
final class ApiWriter {

  static final int BATCH = 1000;

  private final ManagedChannel channel;
  private final String tenant;
  private final PrintStream err;
  long recorded;
  long alreadyRecorded;

  ApiWriter(ManagedChannel channel, String tenantId, PrintStream err) {
    this.channel = channel;
    this.tenant = "tenants/" + tenantId;
    this.err = err;
  }

  /** The tenant, created with {@code settings} when it does not exist yet. */
  Tenant tenant(String tenantId, Tenant settings) {
    var tenants = TenantServiceGrpc.newBlockingStub(channel);
    try {
      return retrying(() -> tenants.withDeadlineAfter(30, TimeUnit.SECONDS)
          .getTenant(GetTenantRequest.newBuilder().setName(tenant).build()));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND || settings == null) {
        throw e;
      }
      return retrying(() -> tenants.withDeadlineAfter(30, TimeUnit.SECONDS)
          .createTenant(CreateTenantRequest.newBuilder().setTenantId(tenantId).setTenant(settings).build()));
    }
  }

  /** The ids of the tenant's customers. */
  Set<String> customerIds() {
    Set<String> ids = new HashSet<>();
    var customers = CustomerServiceGrpc.newBlockingStub(channel);
    String token = "";
    do {
      String page = token;
      ListCustomersResponse response = retrying(() -> customers.withDeadlineAfter(30, TimeUnit.SECONDS)
          .listCustomers(ListCustomersRequest.newBuilder().setParent(tenant).setPageSize(1000)
              .setPageToken(page).build()));
      response.getCustomersList().forEach(c -> ids.add(c.getCustomerId()));
      token = response.getNextPageToken();
    } while (!token.isEmpty());
    return ids;
  }

  void upsertCustomers(List<Customer> customers) {
    var stub = CustomerServiceGrpc.newBlockingStub(channel);
    inBatches(customers, (batch, id) -> stub.withDeadlineAfter(60, TimeUnit.SECONDS).batchUpsertCustomers(
        BatchUpsertCustomersRequest.newBuilder().setParent(tenant).setRequestId(id)
            .addAllCustomers(batch).build()));
  }

  void recordEvents(List<LifecycleEvent> events) {
    var stub = CustomerServiceGrpc.newBlockingStub(channel);
    inBatches(events, (batch, id) -> count(stub.withDeadlineAfter(60, TimeUnit.SECONDS).batchRecordLifecycleEvents(
        BatchRecordLifecycleEventsRequest.newBuilder().setParent(tenant).setRequestId(id)
            .addAllEvents(batch).build())
        .getRecordedCount(), batch.size()));
  }

  void recordPurchases(List<Purchase> purchases) {
    var stub = PurchaseServiceGrpc.newBlockingStub(channel);
    inBatches(purchases, (batch, id) -> count(stub.withDeadlineAfter(60, TimeUnit.SECONDS).batchRecordPurchases(
        BatchRecordPurchasesRequest.newBuilder().setParent(tenant).setRequestId(id)
            .addAllPurchases(batch).build())
        .getRecordedCount(), batch.size()));
  }

  void createSurvey(Survey survey) {
    var stub = SurveyServiceGrpc.newBlockingStub(channel);
    retrying(() -> stub.withDeadlineAfter(30, TimeUnit.SECONDS)
        .createSurvey(CreateSurveyRequest.newBuilder().setParent(tenant).setSurvey(survey).build()));
  }

  void recordResponses(List<SurveyResponse> responses) {
    var stub = SurveyServiceGrpc.newBlockingStub(channel);
    inBatches(responses, (batch, id) -> count(stub.withDeadlineAfter(60, TimeUnit.SECONDS).batchRecordSurveyResponses(
        BatchRecordSurveyResponsesRequest.newBuilder().setParent(tenant).setRequestId(id)
            .addAllResponses(batch).build())
        .getRecordedCount(), batch.size()));
  }

  void recordExpenses(List<RetentionExpense> expenses) {
    var stub = RetentionExpenseServiceGrpc.newBlockingStub(channel);
    inBatches(expenses, (batch, id) -> count(stub.withDeadlineAfter(60, TimeUnit.SECONDS).batchRecordRetentionExpenses(
        BatchRecordRetentionExpensesRequest.newBuilder().setParent(tenant).setRequestId(id)
            .addAllExpenses(batch).build())
        .getRecordedCount(), batch.size()));
  }

  void recordSignals(List<Signal> signals) {
    var stub = HealthServiceGrpc.newBlockingStub(channel);
    inBatches(signals, (batch, id) -> count(stub.withDeadlineAfter(60, TimeUnit.SECONDS).batchRecordSignals(
        BatchRecordSignalsRequest.newBuilder().setParent(tenant).setRequestId(id)
            .addAllSignals(batch).build())
        .getRecordedCount(), batch.size()));
  }

  private synchronized Object count(int recordedNow, int sent) {
    recorded += recordedNow;
    alreadyRecorded += sent - recordedNow;
    return null;
  }

  /** Sends the records in batches, each with a request id of its own, so a retried batch counts once. */
  private <T> void inBatches(List<T> records, BiFunction<List<T>, String, ?> call) {
    for (int from = 0; from < records.size(); from += BATCH) {
      List<T> batch = records.subList(from, Math.min(records.size(), from + BATCH));
      String requestId = UUID.randomUUID().toString();
      retrying(() -> call.apply(batch, requestId));
    }
  }

  /** Calls again, up to 5 times with a growing pause, while the server says UNAVAILABLE. */
  private <T> T retrying(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt == 5) {
          throw e;
        }
        err.println("server unavailable, retrying: " + e.getStatus().getDescription());
        try {
          Thread.sleep(500L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /** A failure as a person reads it: status, message and the offending fields. */
  static String describe(StatusRuntimeException e) {
    StringBuilder text = new StringBuilder(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status != null) {
      status.getDetailsList().stream().filter(d -> d.is(com.google.rpc.BadRequest.class)).forEach(d -> {
        try {
          d.unpack(com.google.rpc.BadRequest.class).getFieldViolationsList().stream().limit(10)
              .forEach(v -> text.append("\n  ").append(v.getField()).append(": ").append(v.getDescription()));
        } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
          // the status text above is enough
        }
      });
    }
    return text.toString();
  }
}
