package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cskpi.adapters.mysql.TestDatabase;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesResponse;
import io.cskpi.proto.v1.ListPurchasesRequest;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call whose deadline passes, or that its client cancels, stops its SQL on the database: a
 * trigger makes the tenant's purchase insert sleep 30 s (the process list shows the trigger's
 * statement, which names the tenant); the statement is seen running, then gone from the process
 * list within seconds of the call's end, and nothing is stored.
 */
class CancelledCallsTest {

  private static CskpiServer server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() {
    server = Clients.startOnTestDatabase();
    channel = Clients.administrator(server);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    Clients.close(channel);
    server.stop();
  }

  @Test
  void aPassedDeadlineStopsTheStatement() throws Exception {
    String tenant = slowTenant();

    Future<BatchRecordPurchasesResponse> call = PurchaseServiceGrpc.newFutureStub(channel)
        .withDeadlineAfter(2, TimeUnit.SECONDS).batchRecordPurchases(batch(tenant));

    awaitRunning(tenant, true, 2_000);
    assertThat(failure(call).getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    awaitRunning(tenant, false, 3_000);
    assertThat(stored(tenant)).isZero();
  }

  @Test
  void aCancelledCallStopsTheStatement() throws Exception {
    String tenant = slowTenant();
    Context.CancellableContext context = Context.current().withCancellation();

    Future<BatchRecordPurchasesResponse> call = context.call(() -> PurchaseServiceGrpc.newFutureStub(channel)
        .withDeadlineAfter(60, TimeUnit.SECONDS).batchRecordPurchases(batch(tenant)));
    awaitRunning(tenant, true, 2_000);
    context.cancel(null);

    assertThat(failure(call).getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
    awaitRunning(tenant, false, 3_000);
    assertThat(stored(tenant)).isZero();
  }

  /** A tenant whose purchase inserts sleep 30 s. */
  private static String slowTenant() {
    String tenant = "slow-" + UUID.randomUUID().toString().substring(0, 8);
    Clients.tenantWithCustomer(channel, tenant);
    TestDatabase.execute("CREATE TRIGGER " + TestDatabase.databaseName() + ".sleep_" + tenant.replace('-', '_')
        + " BEFORE INSERT ON " + TestDatabase.databaseName() + ".purchases FOR EACH ROW "
        + "IF NEW.tenant_id = '" + tenant + "' THEN DO SLEEP(30), '" + tenant + "'; END IF");
    return tenant;
  }

  private static BatchRecordPurchasesRequest batch(String tenant) {
    return BatchRecordPurchasesRequest.newBuilder().setParent("tenants/" + tenant)
        .addPurchases(Clients.purchase("slow")).build();
  }

  private static StatusRuntimeException failure(Future<?> call) throws InterruptedException {
    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
    assertThat(e).as("the call fails").isNotNull();
    return (StatusRuntimeException) e.getCause();
  }

  private static int stored(String tenant) {
    return PurchaseServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .listPurchases(ListPurchasesRequest.newBuilder().setParent("tenants/" + tenant).build()).getPurchasesCount();
  }

  /** Waits until a statement naming {@code tenant} is (or is no longer) in the process list. */
  private static void awaitRunning(String tenant, boolean running, long millis) throws Exception {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (statementsNaming(tenant) > 0 != running) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the statement of " + tenant + (running ? " never ran" : " still runs")
            + " after " + millis + " ms");
      }
      Thread.sleep(50);
    }
  }

  private static int statementsNaming(String tenant) throws SQLException {
    try (Connection connection = TestDatabase.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
            + " WHERE ID <> CONNECTION_ID() AND INFO LIKE ?")) {
      select.setString(1, "%'" + tenant + "'%");
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
