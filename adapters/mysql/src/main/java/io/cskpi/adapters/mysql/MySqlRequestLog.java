package io.cskpi.adapters.mysql;

import io.cskpi.application.port.RequestLog;
import io.cskpi.domain.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link RequestLog} on MySQL: the request_results table, a row per claimed key. */
public final class MySqlRequestLog implements RequestLog {

  private static final String REQUEST = "tenant_id = ? AND method = ? AND request_id = ?";
  private static final String KEY = REQUEST + " AND batch_sequence = ?";
  private static final int DUPLICATE_KEY = 1062;

  private final Jdbc jdbc;

  public MySqlRequestLog(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts the claim; on a duplicate key (found once a concurrent claim committed), reads what is there. */
  @Override
  public Optional<Entry> claim(Key key, byte[] requestHash, Instant now) {
    return jdbc.inTransaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO request_results (tenant_id, method, "
          + "request_id, batch_sequence, request_hash, create_time, response) VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
        bindKey(insert, 1, key);
        insert.setBytes(5, requestHash);
        Jdbc.bind(insert, 6, now);
        insert.executeUpdate();
        return Optional.empty();
      } catch (SQLIntegrityConstraintViolationException taken) {
        if (taken.getErrorCode() != DUPLICATE_KEY) {
          throw taken;
        }
        return select(connection, key);
      }
    });
  }

  @Override
  public boolean takeOver(Key key, Instant claimTime, Instant now) {
    return jdbc.inTransaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE request_results SET create_time = ? WHERE "
          + KEY + " AND response IS NULL AND create_time = ?")) {
        Jdbc.bind(update, 1, now);
        bindKey(update, 2, key);
        Jdbc.bind(update, 6, claimTime);
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void complete(Key key, byte[] response) {
    jdbc.inTransaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE request_results SET response = ? WHERE " + KEY + " AND response IS NULL")) {
        update.setBytes(1, response);
        bindKey(update, 2, key);
        return update.executeUpdate();
      }
    });
  }

  @Override
  public void release(Key key) {
    jdbc.inTransaction(connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM request_results WHERE " + KEY + " AND response IS NULL")) {
        bindKey(delete, 1, key);
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public long lastSequence(TenantId tenant, String method, String requestId) {
    return jdbc.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(batch_sequence), 0) "
          + "FROM request_results WHERE " + REQUEST + " AND response IS NOT NULL")) {
        select.setString(1, tenant.value());
        select.setString(2, method);
        select.setString(3, requestId);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  private static Optional<Entry> select(Connection connection, Key key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT request_hash, create_time, response FROM request_results WHERE " + KEY)) {
      bindKey(select, 1, key);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(new Entry(rows.getBytes(1), Jdbc.instant(rows, "create_time"),
            rows.getBytes(3))) : Optional.empty();
      }
    }
  }

  /** Binds the key to the four parameters from {@code first} on: tenant, method, request id, sequence. */
  private static void bindKey(PreparedStatement statement, int first, Key key) throws SQLException {
    statement.setString(first, key.tenant().value());
    statement.setString(first + 1, key.method());
    statement.setString(first + 2, key.requestId());
    statement.setLong(first + 3, key.sequence());
  }
}
