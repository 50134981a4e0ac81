package io.cskpi.adapters.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached, kills a statement or has no free connection is UNAVAILABLE (retryable). */
class UnreachableDatabaseTest {

  @Test
  void anUnreachableDatabaseIsUnavailableWithinTheTimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (HikariDataSource pool = MySqlDatabase.pool("jdbc:mysql://127.0.0.1:" + closedPort + "/cskpi", "root", "",
        2, 1_000)) {
      long started = System.nanoTime();

      assertThatThrownBy(() -> new MySqlTenantRepository(pool).find(new TenantId("acme")))
          .isInstanceOfSatisfying(CskpiException.class, e -> {
            assertThat(e.kind()).isEqualTo(CskpiException.Kind.UNAVAILABLE);
            assertThat(e.reason()).isEqualTo("DATABASE_UNAVAILABLE");
          });
      assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
  }

  /** A pool whose connections are all in use is DATABASE_BUSY, and the probe still finds the database. */
  @Test
  void aBusyPoolIsBusyNotUnreachable() throws Exception {
    try (HikariDataSource pool = MySqlDatabase.pool(TestDatabase.jdbcUrl(), TestDatabase.user(),
            TestDatabase.password(), 1, 500);
        Connection held = pool.getConnection();
        MySqlDatabase.Probe probe = new MySqlDatabase.Probe(pool)) {

      assertThatThrownBy(() -> new MySqlTenantRepository(pool).find(new TenantId("acme")))
          .isInstanceOfSatisfying(CskpiException.class, e -> {
            assertThat(e.kind()).isEqualTo(CskpiException.Kind.UNAVAILABLE);
            assertThat(e.reason()).isEqualTo("DATABASE_BUSY");
          });
      assertThat(probe.answers()).isTrue();
    }
  }

  /** A statement killed by an operator or a database shutting down (SQL state class 70) may be retried. */
  @Test
  void aKilledStatementIsUnavailable() {
    RuntimeException killed = Jdbc.translate(new SQLException("Query execution was interrupted", "70100", 1317));

    assertThat(killed).isInstanceOfSatisfying(CskpiException.class,
        e -> assertThat(e.kind()).isEqualTo(CskpiException.Kind.UNAVAILABLE));
  }
}
