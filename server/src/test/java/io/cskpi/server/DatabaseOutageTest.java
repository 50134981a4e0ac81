package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cskpi.adapters.mysql.EmbeddedMariaDb;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.GetTenantRequest;
import io.cskpi.proto.v1.ListPurchasesRequest;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a steady stream of calls and comes back, on its own MariaDB (the
 * shared one stays up): while it is away every failed call is UNAVAILABLE and health is
 * NOT_SERVING; once it is back, calls succeed and health is SERVING, without restarting cskpi,
 * and nothing acknowledged is lost.
 *
 * <p>Clients give each call a 5 s deadline, above the server's 1 s wait for a connection: the
 * server then always answers before the deadline, so a DEADLINE_EXCEEDED here would be a call that
 * hung on the dead database, and fails the test.
 */
class DatabaseOutageTest {

  private static final String TENANT = "outage";

  @Test
  void callsFailUnavailableWhileTheDatabaseIsDownAndSucceedOnceItIsBack() throws Exception {
    underLoad((database, server, channel, load) -> {
      database.stop();
      await("health NOT_SERVING", Duration.ofSeconds(10), () -> Clients.health(channel) == ServingStatus.NOT_SERVING);
      await("calls fail", Duration.ofSeconds(10), () -> load.failures.size() >= 5);

      database.startAgain();
      await("health SERVING", Duration.ofSeconds(30), () -> Clients.health(channel) == ServingStatus.SERVING);
      int before = load.acknowledged.size();
      await("calls succeed again", Duration.ofSeconds(10), () -> load.acknowledged.size() >= before + 5);
      load.stop();

      assertThat(load.failures).as("every failure while the database was down").containsOnly(Status.Code.UNAVAILABLE);
    });
  }

  /**
   * A database that stops answering without closing its connections (SIGSTOP): a statement sent
   * just before runs into the client's deadline (DEADLINE_EXCEEDED: the server cannot answer
   * sooner), and its connection is given up a little after, while the database is still frozen;
   * every other call is UNAVAILABLE. At most one call per pooled connection (4) can be caught so.
   */
  @Test
  void aDatabaseThatStopsAnsweringFreesTheCallsCaughtInIt() throws Exception {
    underLoad((database, server, channel, load) -> {
      signal(database, "STOP");
      try {
        await("health NOT_SERVING", Duration.ofSeconds(10), () -> Clients.health(channel) == ServingStatus.NOT_SERVING);
        await("no connection held by a call, the database still frozen", Duration.ofSeconds(15),
            () -> load.failures.size() >= 5 && server.database().pool().getHikariPoolMXBean().getActiveConnections() == 0);
      } finally {
        signal(database, "CONT");
      }
      await("health SERVING", Duration.ofSeconds(30), () -> Clients.health(channel) == ServingStatus.SERVING);
      int before = load.acknowledged.size();
      await("calls succeed again", Duration.ofSeconds(10), () -> load.acknowledged.size() >= before + 5);
      load.stop();

      assertThat(load.failures).containsOnly(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);
      assertThat(load.failures.stream().filter(Status.Code.DEADLINE_EXCEEDED::equals).count()).isLessThanOrEqualTo(4);
    });
  }

  /** What a test does to the database of a server under load. */
  private interface Outage {
    void run(EmbeddedMariaDb database, CskpiServer server, ManagedChannel channel, Load load) throws Exception;
  }

  /**
   * Runs {@code outage} on a server on its own database under load, once calls succeed; then checks
   * that every acknowledged purchase, from before and after, is stored.
   */
  private static void underLoad(Outage outage) throws Exception {
    try (EmbeddedMariaDb database = EmbeddedMariaDb.startThrowaway()) {
      CskpiServer server = CskpiServer.start(Config.parse(List.of("--port", "0", "--db-url", database.jdbcUrl(),
          "--db-pool-size", "4", "--db-timeout-ms", "1000"), Map.of()));
      ManagedChannel channel = Clients.administrator(server);
      Load load = new Load(channel);
      try {
        Clients.tenantWithCustomer(channel, TENANT);
        load.start();
        await("calls succeed", Duration.ofSeconds(20), () -> load.acknowledged.size() >= 5);
        outage.run(database, server, channel, load);
        assertThat(storedOrders(channel)).as("every acknowledged purchase, from before and after the outage")
            .containsAll(load.acknowledged);
      } finally {
        load.stop();
        Clients.close(channel);
        server.stop();
      }
    }
  }

  /** Sends {@code signal} (STOP, CONT) to the database's mariadbd, a child of this JVM. */
  private static void signal(EmbeddedMariaDb database, String signal) throws Exception {
    String port = database.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1");
    long pid = ProcessHandle.current().descendants()
        .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains("--port=" + port))
        .findFirst().orElseThrow().pid();
    assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
  }

  /** Two clients calling in a loop: a read and a one-purchase batch, each with a 5 s deadline. */
  private static final class Load {
    final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    final Queue<Status.Code> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads;

    Load(ManagedChannel channel) {
      threads = List.of(client(channel, "o-"), client(channel, "p-"));
    }

    private Thread client(ManagedChannel channel, String orders) {
      return new Thread(() -> {
        for (int call = 0; running.get(); call++) {
          try {
            TenantServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .getTenant(GetTenantRequest.newBuilder().setName("tenants/" + TENANT).build());
            String order = orders + call;
            PurchaseServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .batchRecordPurchases(BatchRecordPurchasesRequest.newBuilder().setParent("tenants/" + TENANT)
                    .addPurchases(Clients.purchase(order)).build());
            acknowledged.add(order);
            Thread.sleep(100);
          } catch (StatusRuntimeException e) {
            failures.add(e.getStatus().getCode());
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "outage-load-" + orders);
    }

    void start() {
      threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join(10_000);
      }
    }
  }

  private static Set<String> storedOrders(ManagedChannel channel) {
    List<Purchase> purchases = PurchaseServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .listPurchases(ListPurchasesRequest.newBuilder().setParent("tenants/" + TENANT).setPageSize(1000).build())
        .getPurchasesList();
    return purchases.stream().map(Purchase::getOrderId).collect(Collectors.toSet());
  }

  private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(100);
    }
  }
}
