package io.cskpi.adapters.grpc;

import static io.cskpi.adapters.grpc.Api.code;
import static io.cskpi.adapters.grpc.Api.customer;
import static io.cskpi.adapters.grpc.Api.fields;
import static io.cskpi.adapters.grpc.Api.purchase;
import static io.cskpi.adapters.grpc.Api.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesResponse;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersResponse;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.CustomerRecords;
import io.cskpi.proto.v1.ImportRecordsRequest;
import io.cskpi.proto.v1.ImportRecordsResponse;
import io.cskpi.proto.v1.ListPurchasesRequest;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.PurchaseRecords;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AIP-155 request ids on the Batch methods and the resumable streamed import, on the fakes. */
class RetriesApiTest {

  private static final String T = "tenants/acme";
  private static final String ID = "5f0c7d1e-8a4b-4c2d-9e3f-0a1b2c3d4e5f";

  private InProcessApi api;

  @BeforeEach
  void start() {
    api = new InProcessApi();
    api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme").build());
    api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
        .addCustomers(customer("a", "2024-01-01T00:00:00Z")).build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static BatchRecordPurchasesRequest purchases(String requestId, String... orders) {
    BatchRecordPurchasesRequest.Builder request = BatchRecordPurchasesRequest.newBuilder().setParent(T)
        .setRequestId(requestId);
    for (String order : orders) {
      request.addPurchases(purchase(order, "a", "2024-02-01T00:00:00Z", "10.00"));
    }
    return request.build();
  }

  private int storedPurchases() {
    return api.purchases.listPurchases(ListPurchasesRequest.newBuilder().setParent(T).build()).getPurchasesCount();
  }

  @Test
  void aRepeatedRequestIdGetsTheFirstResponseWithoutRunningAgain() {
    BatchRecordPurchasesResponse first = api.purchases.batchRecordPurchases(purchases(ID, "p1", "p2"));
    BatchRecordPurchasesResponse second = api.purchases.batchRecordPurchases(purchases(ID, "p1", "p2"));
    BatchRecordPurchasesResponse third = api.purchases.batchRecordPurchases(purchases(ID.toUpperCase(), "p1", "p2"));
    BatchRecordPurchasesResponse withoutId = api.purchases.batchRecordPurchases(purchases("", "p1", "p2"));

    assertThat(first.getRecordedCount()).isEqualTo(2);
    assertThat(second).as("the first response, not a second run's").isEqualTo(first);
    assertThat(third).as("a UUID in upper case is the same request id").isEqualTo(first);
    assertThat(withoutId.getAlreadyRecordedCount()).as("without an id the batch runs again, harmlessly").isEqualTo(2);
    assertThat(storedPurchases()).isEqualTo(2);
  }

  @Test
  void anUpsertRepeatedWithItsRequestIdStillSaysCreated() {
    BatchUpsertCustomersRequest request = BatchUpsertCustomersRequest.newBuilder().setParent(T).setRequestId(ID)
        .addCustomers(customer("b", "2024-01-02T00:00:00Z").toBuilder().putAttributes("plan", "gold")
            .putAttributes("country", "es")).build();

    BatchUpsertCustomersResponse first = api.customers.batchUpsertCustomers(request);
    BatchUpsertCustomersResponse again = api.customers.batchUpsertCustomers(request);

    assertThat(first.getCreatedCount()).isEqualTo(1);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void theSameRequestIdWithAnotherRequestIsAlreadyExistsAndStoresNothing() {
    api.purchases.batchRecordPurchases(purchases(ID, "p1"));

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.purchases.batchRecordPurchases(purchases(ID, "p1", "p2")));

    assertThat(code(e)).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(reason(e)).isEqualTo("REQUEST_ID_REUSED");
    assertThat(fields(e)).containsExactly("request_id");
    assertThat(storedPurchases()).isEqualTo(1);
  }

  @Test
  void aRequestIdIsPerMethodAndAFailedRequestIsNotRemembered() {
    BatchUpsertCustomersRequest customers = BatchUpsertCustomersRequest.newBuilder().setParent(T).setRequestId(ID)
        .addCustomers(customer("c", "2024-01-03T00:00:00Z")).build();
    BatchRecordPurchasesRequest ofUnknownCustomer = BatchRecordPurchasesRequest.newBuilder().setParent(T)
        .setRequestId(ID).addPurchases(purchase("p9", "c", "2024-02-01T00:00:00Z", "5.00")).build();

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.purchases.batchRecordPurchases(ofUnknownCustomer));
    api.customers.batchUpsertCustomers(customers);
    BatchRecordPurchasesResponse retried = api.purchases.batchRecordPurchases(ofUnknownCustomer);

    assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(retried.getRecordedCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "5f0c7d1e8a4b4c2d9e3f0a1b2c3d4e5f", "00000000-0000-0000-0000-000000000000",
      " 5f0c7d1e-8a4b-4c2d-9e3f-0a1b2c3d4e5f", "5f0c7d1e-8a4b-4c2d-9e3f-0a1b2c3d4e5g"})
  void aRequestIdThatIsNotAUuidIsRefused(String requestId) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.purchases.batchRecordPurchases(purchases(requestId, "p1")));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("request_id");
    assertThat(storedPurchases()).isZero();
  }

  // ---- the streamed import

  private static ImportRecordsRequest batch(long sequence, Purchase... purchases) {
    return ImportRecordsRequest.newBuilder().setParent(T).setImportId("load-1").setSequence(sequence)
        .setPurchases(PurchaseRecords.newBuilder().addAllPurchases(List.of(purchases))).build();
  }

  private static Purchase p(String order) {
    return purchase(order, "a", "2024-03-01T00:00:00Z", "1.00");
  }

  /** The acknowledgements of one stream that sends {@code batches}, and how it ended (null: completed). */
  private record Streamed(List<ImportRecordsResponse> acks, StatusRuntimeException error) {}

  private Streamed stream(ImportRecordsRequest... batches) throws Exception {
    List<ImportRecordsResponse> acks = new ArrayList<>();
    CompletableFuture<StatusRuntimeException> end = new CompletableFuture<>();
    StreamObserver<ImportRecordsRequest> requests = api.imports.importRecords(new StreamObserver<>() {
      @Override
      public void onNext(ImportRecordsResponse ack) {
        acks.add(ack);
      }

      @Override
      public void onError(Throwable t) {
        end.complete((StatusRuntimeException) t);
      }

      @Override
      public void onCompleted() {
        end.complete(null);
      }
    });
    for (ImportRecordsRequest batch : batches) {
      requests.onNext(batch);
    }
    requests.onCompleted();
    return new Streamed(acks, end.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aResumedImportAnswersCommittedBatchesFromTheirAcknowledgements() throws Exception {
    Streamed first = stream(batch(1, p("i1"), p("i2")), batch(2, p("i3")));
    Streamed resumed = stream(batch(2, p("i3")), batch(3, p("i4"), p("i5"), p("i6")));

    assertThat(first.error()).isNull();
    assertThat(first.acks()).extracting(ImportRecordsResponse::getSequence).containsExactly(1L, 2L);
    assertThat(first.acks().get(0).getRecordedCount()).isEqualTo(2);
    assertThat(resumed.error()).isNull();
    assertThat(resumed.acks().get(0)).as("batch 2 again: its first acknowledgement").isEqualTo(first.acks().get(1));
    assertThat(resumed.acks().get(1).getRecordedCount()).isEqualTo(3);
    assertThat(storedPurchases()).isEqualTo(6);
  }

  @Test
  void aGapInTheSequenceNamesTheExpectedBatch() throws Exception {
    stream(batch(1, p("i1")), batch(2, p("i2")));

    Streamed gap = stream(batch(4, p("i4")));

    assertThat(code(gap.error())).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(reason(gap.error())).isEqualTo("IMPORT_SEQUENCE_GAP");
    assertThat(fields(gap.error())).containsExactly("sequence");
    assertThat(gap.error().getStatus().getDescription()).contains("expected 3");
    assertThat(storedPurchases()).isEqualTo(2);
  }

  @Test
  void aBadBatchFailsTheStreamNamingItsFieldsUnderTheBatch() throws Exception {
    Purchase noOrder = p("x").toBuilder().clearOrderId().build();

    Streamed bad = stream(batch(1, p("i1")), batch(2, p("i2"), noOrder), batch(3, p("i3")));

    assertThat(bad.acks()).extracting(ImportRecordsResponse::getSequence).containsExactly(1L);
    assertThat(code(bad.error())).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(bad.error())).containsExactly("batch[2].purchases[1].order_id");
    assertThat(storedPurchases()).as("batch 1 only").isEqualTo(1);
  }

  @Test
  void aCommittedBatchResentWithOtherRecordsIsRefused() throws Exception {
    stream(batch(1, p("i1")));

    Streamed changed = stream(batch(1, p("i1"), p("i2")));

    assertThat(code(changed.error())).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(fields(changed.error())).containsExactly("sequence");
    assertThat(storedPurchases()).isEqualTo(1);
  }

  @Test
  void importsOfOtherKindsAndUnknownTenants() throws Exception {
    ImportRecordsRequest customers = ImportRecordsRequest.newBuilder().setParent(T).setImportId("load-2")
        .setSequence(1).setCustomers(CustomerRecords.newBuilder().addCustomers(customer("z", null))).build();
    ImportRecordsRequest elsewhere = customers.toBuilder().setParent("tenants/nobody").build();
    ImportRecordsRequest empty = customers.toBuilder().setSequence(2).clearRecords().build();

    Streamed ok = stream(customers);
    Streamed unknown = stream(elsewhere);
    Streamed none = stream(empty);

    assertThat(ok.acks()).containsExactly(ImportRecordsResponse.newBuilder().setSequence(1).setRecordedCount(1)
        .build());
    assertThat(code(unknown.error())).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(fields(unknown.error())).containsExactly("parent");
    assertThat(code(none.error())).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(none.error())).containsExactly("batch[2].records");
  }
}
