package io.cskpi.adapters.mysql;

import io.cskpi.application.port.RequestLog;
import io.cskpi.domain.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link RequestLog} on MySQL: the request_results table. */
public final class MySqlRequestLog implements RequestLog {

  private static final String KEY = "tenant_id = ? AND method = ? AND request_id = ?";

  private final Jdbc jdbc;

  public MySqlRequestLog(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Entry> find(Key key) {
    return jdbc.read(connection -> select(connection, key));
  }

  /** Inserts unless the key is there (waiting for a concurrent insert to commit), then reads what is kept. */
  @Override
  public Entry save(Key key, Entry entry) {
    return jdbc.inTransaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO request_results (tenant_id, method, "
          + "request_id, batch_sequence, request_hash, response) VALUES (?, ?, ?, ?, ?, ?) "
          + "ON DUPLICATE KEY UPDATE tenant_id = tenant_id")) {
        bindKey(insert, key);
        insert.setLong(4, key.sequence());
        insert.setBytes(5, entry.requestHash());
        insert.setBytes(6, entry.response());
        insert.executeUpdate();
      }
      return select(connection, key).orElseThrow();
    });
  }

  @Override
  public long lastSequence(TenantId tenant, String method, String requestId) {
    return jdbc.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT COALESCE(MAX(batch_sequence), 0) FROM request_results WHERE " + KEY)) {
        bindKey(select, new Key(tenant, method, requestId, 0));
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  private static Optional<Entry> select(Connection connection, Key key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT request_hash, response FROM request_results WHERE " + KEY + " AND batch_sequence = ?")) {
      bindKey(select, key);
      select.setLong(4, key.sequence());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(new Entry(rows.getBytes(1), rows.getBytes(2))) : Optional.empty();
      }
    }
  }

  private static void bindKey(PreparedStatement statement, Key key) throws SQLException {
    statement.setString(1, key.tenant().value());
    statement.setString(2, key.method());
    statement.setString(3, key.requestId());
  }
}
