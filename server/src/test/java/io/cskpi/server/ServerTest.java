package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import io.cskpi.adapters.mysql.TestDatabase;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.ListPurchasesRequest;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.cskpi.proto.v1.GetTenantRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real server, wired by Guice, on the test database, called over the network by real stubs. */
class ServerTest {

  private static CskpiServer server;
  private static ManagedChannel channel;

  private static final List<String> DATABASE = List.of("--db-url", TestDatabase.jdbcUrl(),
      "--db-user", TestDatabase.user(), "--db-password", TestDatabase.password());
  private static final Map<String, String> ENV = Map.of("CSKPI_DATA_DIR", Path.of("target").toAbsolutePath().toString());

  @BeforeAll
  static void start() {
    List<String> options = new ArrayList<>(List.of("--port", "0", "--db-pool-size", "4", "--metrics-port", "0"));
    options.addAll(DATABASE);
    server = CskpiServer.start(Config.parse(options, ENV));
    channel = Clients.channel(server.port(), keys("create", "--admin").strip());
  }

  /** Runs the keys command on the test database; its standard output. */
  private static String keys(String... args) {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(DATABASE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = KeysCommand.run(command, ENV, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * A tenant key made by the keys command reaches its tenant only, is listed by id without its
   * secret, and stops working when revoked; no key at all is UNAUTHENTICATED.
   */
  @Test
  void keysFromTheCommandReachTheirTenantOnlyUntilRevoked() throws InterruptedException {
    String tenant = "k-" + UUID.randomUUID().toString().substring(0, 8);
    String key = keys("create", "--tenant", tenant, "--label", "reporting").strip();
    String keyId = key.split("_")[1];
    ManagedChannel keyed = Clients.channel(server.port(), key);
    ManagedChannel bare = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    try {
      TenantServiceGrpc.newBlockingStub(keyed).createTenant(CreateTenantRequest.newBuilder().setTenantId(tenant).build());
      assertThat(TenantServiceGrpc.newBlockingStub(keyed).getTenant(GetTenantRequest.newBuilder()
          .setName("tenants/" + tenant).build()).getName()).isEqualTo("tenants/" + tenant);
      assertThat(code(() -> TenantServiceGrpc.newBlockingStub(keyed).getTenant(GetTenantRequest.newBuilder()
          .setName("tenants/someone-else").build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(code(() -> TenantServiceGrpc.newBlockingStub(bare).getTenant(GetTenantRequest.newBuilder()
          .setName("tenants/" + tenant).build()))).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(keys("list", "--tenant", tenant)).contains(keyId + "\t" + tenant + "\treporting")
          .doesNotContain(key);

      keys("revoke", keyId);

      assertThat(code(() -> TenantServiceGrpc.newBlockingStub(keyed).getTenant(GetTenantRequest.newBuilder()
          .setName("tenants/" + tenant).build()))).isEqualTo(Status.Code.UNAUTHENTICATED);
    } finally {
      keyed.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      bare.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** A message over the 16 MiB limit is RESOURCE_EXHAUSTED, and the answer names the limit. */
  @Test
  void aMessageOverTheLimitIsResourceExhaustedNamingIt() {
    BatchUpsertCustomersRequest huge = BatchUpsertCustomersRequest.newBuilder().setParent("tenants/huge")
        .addCustomers(Customer.newBuilder().setCustomerId("x".repeat(CskpiServer.MAX_MESSAGE_BYTES))).build();

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> CustomerServiceGrpc.newBlockingStub(channel).batchUpsertCustomers(huge));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(e.getStatus().getDescription()).contains("16777216");
  }

  private static Status.Code code(Runnable call) {
    return catchThrowableOfType(StatusRuntimeException.class, call::run).getStatus().getCode();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  @Test
  void healthIsServing() {
    HealthCheckResponse response = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void reflectionAnswersBothGrpcurlGenerations() throws Exception {
    CompletableFuture<ServerReflectionResponse> v1 = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
        .serverReflectionInfo(observer(v1));
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();
    CompletableFuture<io.grpc.reflection.v1alpha.ServerReflectionResponse> v1alpha = new CompletableFuture<>();
    StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionRequest> alphaRequests =
        io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(observer(v1alpha));
    alphaRequests.onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setListServices("").build());
    alphaRequests.onCompleted();

    List<String> v1Names = v1.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
        .map(ServiceResponse::getName).toList();
    List<String> alphaNames = v1alpha.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
        .map(io.grpc.reflection.v1alpha.ServiceResponse::getName).toList();

    List<String> expected = List.of("cskpi.v1.TenantService", "cskpi.v1.CustomerService", "cskpi.v1.PurchaseService",
        "cskpi.v1.KpiService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection");
    assertThat(v1Names).containsAll(expected);
    assertThat(alphaNames).containsAll(expected);
  }

  /**
   * 50 calls of which 10 fail in the middle of their transaction (a trigger refuses one row after
   * others were written): each failure is INTERNAL with nothing half-stored, no pooled
   * connection stays in use, and the next call is served at once.
   */
  @Test
  void failuresInTheMiddleOfAQueryLeaveNothingBehind() {
    String tenant = "pool-" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase.execute("CREATE TRIGGER " + TestDatabase.databaseName() + ".refuse_" + tenant.replace('-', '_')
        + " BEFORE INSERT ON " + TestDatabase.databaseName() + ".purchases FOR EACH ROW "
        + "IF NEW.order_id LIKE 'fail-%' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'; END IF");
    TenantServiceGrpc.newBlockingStub(channel).createTenant(CreateTenantRequest.newBuilder().setTenantId(tenant).build());
    CustomerServiceGrpc.newBlockingStub(channel).batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder()
        .setParent("tenants/" + tenant).addCustomers(Customer.newBuilder().setCustomerId("a")).build());
    var purchases = PurchaseServiceGrpc.newBlockingStub(channel);

    List<Status.Code> failures = new ArrayList<>();
    for (int call = 0; call < 50; call++) {
      boolean fail = call % 5 == 4;
      var request = BatchRecordPurchasesRequest.newBuilder().setParent("tenants/" + tenant)
          .addPurchases(purchase("ok-" + call + "-1"))
          .addPurchases(purchase((fail ? "fail-" : "ok-") + call + "-2"))
          .build();
      try {
        purchases.withDeadlineAfter(10, TimeUnit.SECONDS).batchRecordPurchases(request);
      } catch (StatusRuntimeException e) {
        failures.add(e.getStatus().getCode());
      }
    }

    assertThat(failures).hasSize(10).containsOnly(Status.Code.INTERNAL);
    assertThat(server.database().pool().getHikariPoolMXBean().getActiveConnections()).isZero();
    long started = System.nanoTime();
    int stored = purchases.withDeadlineAfter(2, TimeUnit.SECONDS).listPurchases(ListPurchasesRequest.newBuilder()
        .setParent("tenants/" + tenant).setPageSize(1000).build()).getPurchasesCount();
    assertThat(stored).as("the 40 good batches, nothing of the 10 failed ones").isEqualTo(80);
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(1));
  }

  @Test
  void unknownTenantsAreNotFoundOverTheNetworkToo() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () ->
        PurchaseServiceGrpc.newBlockingStub(channel).listPurchases(
            ListPurchasesRequest.newBuilder().setParent("tenants/nobody-here").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  /**
   * Every call has a request id (the client's, or a new one) and is counted in the metrics; new
   * records are counted once: not when a batch is repeated, with or without its request_id.
   */
  @Test
  void callsCarryARequestIdAndAreCountedInThePrometheusMetrics() throws Exception {
    String tenant = "m-" + UUID.randomUUID().toString().substring(0, 8);
    Metadata headers = new Metadata();
    headers.put(CallObserver.REQUEST_ID, "trace-42");
    AtomicReference<Metadata> answered = new AtomicReference<>();
    TenantServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers),
            MetadataUtils.newCaptureMetadataInterceptor(answered, new AtomicReference<>()))
        .createTenant(CreateTenantRequest.newBuilder().setTenantId(tenant).build());
    assertThat(answered.get().get(CallObserver.REQUEST_ID)).isEqualTo("trace-42");
    CustomerServiceGrpc.newBlockingStub(channel).batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder()
        .setParent("tenants/" + tenant).addCustomers(Customer.newBuilder().setCustomerId("a")).build());
    double before = recorded(metrics(), "BatchRecordPurchases");
    BatchRecordPurchasesRequest batch = BatchRecordPurchasesRequest.newBuilder().setParent("tenants/" + tenant)
        .setRequestId(UUID.randomUUID().toString()).addPurchases(purchase("p1")).addPurchases(purchase("p2")).build();
    for (int send = 0; send < 3; send++) {
      PurchaseServiceGrpc.newBlockingStub(channel).batchRecordPurchases(send < 2 ? batch : batch.toBuilder()
          .clearRequestId().build());
    }
    catchThrowableOfType(StatusRuntimeException.class, () -> TenantServiceGrpc.newBlockingStub(channel)
        .createTenant(CreateTenantRequest.newBuilder().setTenantId("Not Valid").build()));

    String metrics = metrics();
    assertThat(metrics)
        .contains("cskpi_rpc_calls_total{code=\"INVALID_ARGUMENT\",method=\"cskpi.v1.TenantService/CreateTenant\"}")
        .contains("cskpi_rpc_duration_seconds_bucket{method=\"cskpi.v1.TenantService/CreateTenant\",le=")
        .contains("cskpi_db_connections{state=\"active\"}");
    assertThat(recorded(metrics, "BatchRecordPurchases") - before).isEqualTo(2.0);
    assertThat(recorded(metrics, "BatchUpsertCustomers")).isPositive();
  }

  private static String metrics() throws Exception {
    HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.metricsPort().getAsInt() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    return metrics.body();
  }

  /** The value of cskpi_records_recorded_total for {@code method}, 0 before its first count. */
  private static double recorded(String metrics, String method) {
    String line = "cskpi_records_recorded_total{method=\"" + method + "\"} ";
    return metrics.lines().filter(l -> l.startsWith(line)).mapToDouble(l -> Double.parseDouble(l.substring(line.length())))
        .findFirst().orElse(0);
  }

  private static Purchase purchase(String order) {
    return Purchase.newBuilder().setOrderId(order).setCustomerId("a")
        .setPurchaseTime(Timestamp.newBuilder().setSeconds(1_700_000_000L))
        .setAmount(Money.newBuilder().setCurrencyCode("EUR").setAmount("9.99")).build();
  }

  private static <T> StreamObserver<T> observer(CompletableFuture<T> first) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        first.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        first.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        first.completeExceptionally(new IllegalStateException("no response"));
      }
    };
  }
}
