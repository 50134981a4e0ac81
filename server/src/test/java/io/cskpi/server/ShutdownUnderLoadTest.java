package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cskpi.adapters.mysql.TestDatabase;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The server is stopped (what SIGTERM does, through the shutdown hook; ShutdownUnderLoadIT sends a
 * real one to the packaged server) while four clients send batches: batches in flight at the stop
 * finish, later ones are refused, and every batch is all or nothing: an acknowledged one is wholly
 * stored, a failed one wholly absent.
 */
class ShutdownUnderLoadTest {

  private static final int CLIENTS = 4;
  private static final int BATCH = 200;

  /** One batch as its client saw it. */
  private record Sent(String prefix, Status.Code code, long started, long ended) {
    boolean acknowledged() {
      return code == Status.Code.OK;
    }
  }

  @Test
  void batchesInFlightFinishAndEveryBatchIsAllOrNothing() throws Exception {
    CskpiServer server = Clients.startOnTestDatabase();
    stopUnderLoad(server.port(), Clients.keys(server).issue(Optional.empty(), "tests").key(), server::stop);
  }

  /** What stops the server, returning once it has stopped. */
  interface Stop {
    void run() throws Exception;
  }

  /**
   * Sends batches from four clients to the server on {@code port}, runs {@code stop} while they do,
   * and checks that every batch is all or nothing, some in flight at the stop finished and the later
   * ones were UNAVAILABLE.
   */
  static void stopUnderLoad(int port, String key, Stop stop) throws Exception {
    String tenant = "stop-" + UUID.randomUUID().toString().substring(0, 8);
    ManagedChannel channel = Clients.channel(port, key);
    Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    long stopping;
    try {
      Clients.tenantWithCustomer(channel, tenant);
      for (int client = 0; client < CLIENTS; client++) {
        String name = "c" + client;
        Thread thread = new Thread(() -> send(channel, tenant, name, sending, sent), "stop-load-" + name);
        thread.start();
        clients.add(thread);
      }
      Thread.sleep(1_500);
      stopping = System.nanoTime();
      stop.run();
      Thread.sleep(300);
    } finally {
      sending.set(false);
      for (Thread client : clients) {
        client.join(10_000);
      }
      Clients.close(channel);
    }

    Map<String, Integer> stored = storedPerBatch(tenant);
    List<Sent> acknowledged = sent.stream().filter(Sent::acknowledged).toList();
    List<Sent> failed = sent.stream().filter(s -> !s.acknowledged()).toList();
    assertThat(acknowledged).as("batches stored before the stop").isNotEmpty();
    assertThat(failed).as("batches refused once stopping").isNotEmpty()
        .extracting(Sent::code).containsOnly(Status.Code.UNAVAILABLE);
    assertThat(acknowledged).as("batches in flight when the stop began, finished")
        .anyMatch(s -> s.started() < stopping && s.ended() > stopping);
    for (Sent batch : acknowledged) {
      assertThat(stored.getOrDefault(batch.prefix(), 0)).as("acknowledged batch " + batch.prefix()).isEqualTo(BATCH);
    }
    for (Sent batch : failed) {
      assertThat(stored.getOrDefault(batch.prefix(), 0)).as("failed batch " + batch.prefix()).isZero();
    }
    assertThat(stored.keySet()).as("no batch stored that nobody sent")
        .allMatch(prefix -> sent.stream().anyMatch(s -> s.prefix().equals(prefix)));
  }

  private static void send(ManagedChannel channel, String tenant, String client, AtomicBoolean sending,
      Queue<Sent> sent) {
    for (int call = 0; sending.get(); call++) {
      String prefix = client + "-" + call;
      BatchRecordPurchasesRequest.Builder request = BatchRecordPurchasesRequest.newBuilder().setParent("tenants/" + tenant);
      for (int i = 0; i < BATCH; i++) {
        request.addPurchases(Clients.purchase(prefix + "." + i));
      }
      long started = System.nanoTime();
      Status.Code code = Status.Code.OK;
      try {
        PurchaseServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
            .batchRecordPurchases(request.build());
      } catch (StatusRuntimeException e) {
        code = e.getStatus().getCode();
      }
      sent.add(new Sent(prefix, code, started, System.nanoTime()));
    }
  }

  /** The purchases stored per batch (the order id up to its "."), read straight from the database. */
  private static Map<String, Integer> storedPerBatch(String tenant) throws SQLException {
    Map<String, Integer> stored = new HashMap<>();
    try (Connection connection = TestDatabase.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT SUBSTRING_INDEX(order_id, '.', 1), COUNT(*)"
            + " FROM purchases WHERE tenant_id = ? GROUP BY 1")) {
      select.setString(1, tenant);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          stored.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return stored;
  }
}
