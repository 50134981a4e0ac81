package io.cskpi.server;

import com.google.type.Date;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarPeriod;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ChurnRule;
import io.cskpi.proto.v1.ComputeKpiReportRequest;
import io.cskpi.proto.v1.ComputeKpiReportResponse;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerRecords;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.ImportRecordsRequest;
import io.cskpi.proto.v1.ImportRecordsResponse;
import io.cskpi.proto.v1.ImportServiceGrpc;
import io.cskpi.proto.v1.InactivityRule;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.PurchaseRecords;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.Tenant;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The first lines of CDNOW as API batches (customers, then purchases, 500 a batch), loaded with
 * the unary Batch methods or streamed as an import; loads are compared by their KPI report of the
 * eight quarters of 1997-1998.
 */
final class CdnowLoad {

  static final Path FILE = Processes.ROOT.resolve("server/src/test/resources/cdnow/CDNOW_master.txt");
  private static final int BATCH = 500;

  final List<List<Customer>> customers = new ArrayList<>();
  final List<List<Purchase>> purchases = new ArrayList<>();

  /** The purchases of the file's first {@code lines} lines and their customers, acquired at their first purchase. */
  CdnowLoad(int lines) throws IOException {
    String head = String.join("\n", Files.readAllLines(FILE, StandardCharsets.UTF_8).subList(0, lines + 1));
    List<PurchaseRows.Row> rows = PurchaseRows.cdnow(new StringReader(head), ZoneOffset.UTC, "USD").rows();
    Map<String, Instant> first = new LinkedHashMap<>();
    rows.forEach(row -> first.merge(row.customerId(), row.time(), (a, b) -> a.isBefore(b) ? a : b));
    List<Customer> all = first.entrySet().stream().map(e -> Customer.newBuilder().setCustomerId(e.getKey())
        .setAcquireTime(ApiWriter.timestamp(e.getValue())).build()).toList();
    for (int i = 0; i < all.size(); i += BATCH) {
      customers.add(all.subList(i, Math.min(all.size(), i + BATCH)));
    }
    for (int i = 0; i < rows.size(); i += BATCH) {
      purchases.add(rows.subList(i, Math.min(rows.size(), i + BATCH)).stream().map(row -> Purchase.newBuilder()
          .setOrderId(row.orderId()).setCustomerId(row.customerId()).setPurchaseTime(ApiWriter.timestamp(row.time()))
          .setAmount(Money.newBuilder().setAmount(row.amount()).setCurrencyCode(row.currency())).build()).toList());
    }
  }

  int records() {
    return customers.stream().mapToInt(List::size).sum() + purchases.stream().mapToInt(List::size).sum();
  }

  /** A new tenant with CDNOW's rule: churned after 90 days without a purchase, in UTC. */
  static String tenant(ManagedChannel channel, String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    TenantServiceGrpc.newBlockingStub(channel).createTenant(CreateTenantRequest.newBuilder().setTenantId(id)
        .setTenant(Tenant.newBuilder().setDisplayName("CDNOW slice").setTimeZone("UTC")
            .setChurnRule(ChurnRule.newBuilder().setInactivity(InactivityRule.newBuilder().setDays(90))))
        .build());
    return "tenants/" + id;
  }

  /**
   * Loads with the unary Batch methods, each call sent {@code times} times: with a request id
   * when more than once, as a client retrying a call whose answer it did not get.
   */
  void loadByBatches(ManagedChannel channel, String parent, int times) {
    var customerStub = CustomerServiceGrpc.newBlockingStub(channel);
    var purchaseStub = PurchaseServiceGrpc.newBlockingStub(channel);
    for (List<Customer> batch : customers) {
      String requestId = times > 1 ? UUID.randomUUID().toString() : "";
      for (int i = 0; i < times; i++) {
        customerStub.withDeadlineAfter(60, TimeUnit.SECONDS).batchUpsertCustomers(BatchUpsertCustomersRequest
            .newBuilder().setParent(parent).setRequestId(requestId).addAllCustomers(batch).build());
      }
    }
    for (List<Purchase> batch : purchases) {
      String requestId = times > 1 ? UUID.randomUUID().toString() : "";
      for (int i = 0; i < times; i++) {
        purchaseStub.withDeadlineAfter(60, TimeUnit.SECONDS).batchRecordPurchases(BatchRecordPurchasesRequest
            .newBuilder().setParent(parent).setRequestId(requestId).addAllPurchases(batch).build());
      }
    }
  }

  /** The import's batches, numbered from 1: customers first, then purchases. */
  List<ImportRecordsRequest> importBatches(String parent, String importId) {
    List<ImportRecordsRequest> batches = new ArrayList<>();
    ImportRecordsRequest.Builder next = ImportRecordsRequest.newBuilder().setParent(parent).setImportId(importId);
    customers.forEach(batch -> batches.add(next.setSequence(batches.size() + 1)
        .setCustomers(CustomerRecords.newBuilder().addAllCustomers(batch)).build()));
    purchases.forEach(batch -> batches.add(next.setSequence(batches.size() + 1)
        .setPurchases(PurchaseRecords.newBuilder().addAllPurchases(batch)).build()));
    return batches;
  }

  /** How a stream of an import ended, with what it acknowledged. */
  record Streamed(List<ImportRecordsResponse> acks, Status status) {

    long lastAcknowledged() {
      return acks.isEmpty() ? 0 : acks.get(acks.size() - 1).getSequence();
    }
  }

  /**
   * Streams {@code batches} without waiting for acknowledgements; after each one {@code cut} may
   * end the stream: it cancels the call when it answers true (or kills the server itself).
   */
  static Streamed stream(ManagedChannel channel, List<ImportRecordsRequest> batches,
      Predicate<ImportRecordsResponse> cut) throws Exception {
    List<ImportRecordsResponse> acks = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Status> end = new CompletableFuture<>();
    StreamObserver<ImportRecordsRequest> requests = ImportServiceGrpc.newStub(channel).importRecords(
        new ClientResponseObserver<ImportRecordsRequest, ImportRecordsResponse>() {
          private ClientCallStreamObserver<ImportRecordsRequest> call;

          @Override
          public void beforeStart(ClientCallStreamObserver<ImportRecordsRequest> call) {
            this.call = call;
          }

          @Override
          public void onNext(ImportRecordsResponse ack) {
            acks.add(ack);
            if (cut.test(ack)) {
              call.cancel("cut by the test", null);
            }
          }

          @Override
          public void onError(Throwable t) {
            end.complete(Status.fromThrowable(t));
          }

          @Override
          public void onCompleted() {
            end.complete(Status.OK);
          }
        });
    try {
      for (ImportRecordsRequest batch : batches) {
        requests.onNext(batch);
      }
      requests.onCompleted();
    } catch (IllegalStateException cancelled) {
      // the cut came while sending
    }
    Status status = end.get(300, TimeUnit.SECONDS);
    return new Streamed(List.copyOf(acks), status);
  }

  /** The KPI report of the quarters of 1997 and 1998. */
  static ComputeKpiReportResponse report(ManagedChannel channel, String parent) {
    return KpiServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS).computeKpiReport(
        ComputeKpiReportRequest.newBuilder().setTenant(parent).setPeriodCount(8).setPeriod(Period.newBuilder()
            .setCalendar(CalendarPeriod.newBuilder().setUnit(CalendarUnit.CALENDAR_UNIT_QUARTER)
                .setDate(Date.newBuilder().setYear(1997).setMonth(1).setDay(1)).setTimeZone("UTC"))).build());
  }
}
