package io.cskpi.adapters.mysql;

import io.cskpi.domain.errors.CskpiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Plain JDBC with the store's rules: one transaction per unit of work, a few retries after a short
 * random pause on a deadlock or a concurrent insert of the same key (the retried work reads again
 * and sees what the other transaction committed), connection failures as UNAVAILABLE, no work for
 * a call that is over and its running statements stopped when it ends ({@link CallBoundConnection}),
 * and instants bound as UTC DATETIME whatever the JVM's zone.
 *
 * <p>Writes read the rows they compare against without locking them: two batches that insert the
 * same key meet on the primary key, and the loser is retried.
 */
final class Jdbc {

  /** A unit of work on a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
  private static final int DUPLICATE_KEY = 1062;
  private static final int DEADLOCK = 1213;
  private static final int LOCK_WAIT_TIMEOUT = 1205;
  private static final int TOO_MANY_CONNECTIONS = 1040;
  private static final int ATTEMPTS = 5;

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} in one transaction, once more if it lost a race; commits or rolls back. */
  <T> T inTransaction(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      CallBoundConnection.failIfOver();
      try (Connection connection = dataSource.getConnection();
          CallBoundConnection bound = new CallBoundConnection(connection)) {
        connection.setAutoCommit(false);
        try {
          T result = work.run(bound.connection());
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && isRetryable(e)) {
          pause(attempt);
          continue;
        }
        throw translate(e);
      }
    }
  }

  /** Runs a read on an auto-commit connection. */
  <T> T read(Work<T> work) {
    CallBoundConnection.failIfOver();
    try (Connection connection = dataSource.getConnection();
        CallBoundConnection bound = new CallBoundConnection(connection)) {
      return work.run(bound.connection());
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isRetryable(SQLException e) {
    return e.getErrorCode() == DEADLOCK || e.getErrorCode() == DUPLICATE_KEY;
  }

  /**
   * Connection-level failures and statements killed (SQL state class 70: by an operator, or a
   * database shutting down) become UNAVAILABLE (retryable); anything else is a store bug. (A
   * statement stopped because its call ended fails with CallScope.OverException instead.)
   */
  static RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e instanceof SQLTransientConnectionException && e.getCause() == null) {
      // the pool timed out with every connection in use: the database answers, the service is busy
      return new CskpiException(CskpiException.Kind.UNAVAILABLE, "DATABASE_BUSY",
          "every database connection is in use; retry later");
    }
    if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.startsWith("70")
        || e.getErrorCode() == TOO_MANY_CONNECTIONS || e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
      return new CskpiException(CskpiException.Kind.UNAVAILABLE, "DATABASE_UNAVAILABLE",
          "the database is not reachable now; retry later");
    }
    return new IllegalStateException("SQL failure " + e.getErrorCode() + "/" + state, e);
  }

  /**
   * Binds an instant as UTC DATETIME text with its microseconds. (Connector/J takes MariaDB's
   * version string "5.5.5-10.x" for a server without fractional seconds and would drop them from a
   * LocalDateTime parameter.)
   */
  static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setString(index, DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
    }
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    LocalDateTime value = rows.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /** Binds {@code values} to the parameters from {@code first} on; returns the next index. */
  static int bindAll(PreparedStatement statement, int first, Collection<String> values) throws SQLException {
    int index = first;
    for (String value : values) {
      statement.setString(index++, value);
    }
    return index;
  }

  /** "?, ?, ?" for an IN list of {@code items}. */
  static String placeholders(Collection<?> items) {
    return String.join(", ", Collections.nCopies(items.size(), "?"));
  }
}
