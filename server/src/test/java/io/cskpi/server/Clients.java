package io.cskpi.server;

import com.google.protobuf.Timestamp;
import io.cskpi.adapters.mysql.MySqlApiKeyRepository;
import io.cskpi.application.ApiKeys;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.cskpi.adapters.mysql.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How tests start and reach a running server: the one place that makes their servers, channels
 * and keys, and the few calls they share.
 */
final class Clients {

  private Clients() {}

  /** A plaintext channel to the server on {@code port} of this machine that sends {@code key} on every call. */
  static ManagedChannel channel(int port, String key) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().intercept(bearer(key)).build();
  }

  /** {@code channel}, sending {@code key} on every call. */
  static Channel withKey(Channel channel, String key) {
    return ClientInterceptors.intercept(channel, bearer(key));
  }

  private static ClientInterceptor bearer(String key) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  /** A channel with a new administrator key of the in-process {@code server}. */
  static ManagedChannel administrator(CskpiServer server) {
    return channel(server.port(), keys(server).issue(Optional.empty(), "tests").key());
  }

  /**
   * The service started in this JVM on the test database, on a free port with a pool of 4, with
   * {@code options} on top (a later option wins).
   */
  static CskpiServer startOnTestDatabase(String... options) {
    List<String> all = new ArrayList<>(List.of("--port", "0", "--db-url", TestDatabase.jdbcUrl(),
        "--db-user", TestDatabase.user(), "--db-password", TestDatabase.password(), "--db-pool-size", "4"));
    all.addAll(List.of(options));
    return CskpiServer.start(Config.parse(all, Map.of("CSKPI_DATA_DIR", Path.of("target").toAbsolutePath().toString())));
  }

  /** The API keys of the in-process {@code server}'s database. */
  static ApiKeys keys(CskpiServer server) {
    return new ApiKeys(new MySqlApiKeyRepository(server.database().pool()), Clock.systemUTC());
  }

  static void close(ManagedChannel channel) throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** A tenant with one customer, "a". */
  static void tenantWithCustomer(ManagedChannel channel, String tenant) {
    TenantServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .createTenant(CreateTenantRequest.newBuilder().setTenantId(tenant).build());
    CustomerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder()
            .setParent("tenants/" + tenant).addCustomers(Customer.newBuilder().setCustomerId("a")).build());
  }

  /** A purchase of customer "a". */
  static Purchase purchase(String order) {
    return Purchase.newBuilder().setOrderId(order).setCustomerId("a")
        .setPurchaseTime(Timestamp.newBuilder().setSeconds(1_700_000_000L))
        .setAmount(Money.newBuilder().setCurrencyCode("EUR").setAmount("9.99")).build();
  }

  /** The server's overall health, as a load balancer asks for it. */
  static ServingStatus health(ManagedChannel channel) {
    return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance()).getStatus();
  }
}
