package io.cskpi.adapters.mysql;

import io.cskpi.application.port.ApiKeyRepository;
import io.cskpi.domain.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ApiKeyRepository} on MySQL. */
public final class MySqlApiKeyRepository implements ApiKeyRepository {

  private static final String COLUMNS = "key_id, tenant_id, label, create_time, revoke_time";
  private final Jdbc jdbc;

  public MySqlApiKeyRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void add(StoredKey key, byte[] keyHash) {
    jdbc.inTransaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO api_keys (key_id, key_hash, tenant_id, label, create_time) VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, key.keyId());
        insert.setBytes(2, keyHash);
        insert.setString(3, key.tenant().map(TenantId::value).orElse(null));
        insert.setString(4, key.label());
        Jdbc.bind(insert, 5, key.createTime());
        return insert.executeUpdate();
      }
    });
  }

  @Override
  public Optional<StoredKey> findByHash(byte[] keyHash) {
    return jdbc.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")) {
        select.setBytes(1, keyHash);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(key(rows)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<StoredKey> list(Optional<TenantId> tenant) {
    return jdbc.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys"
          + (tenant.isPresent() ? " WHERE tenant_id = ?" : "") + " ORDER BY create_time, key_id")) {
        if (tenant.isPresent()) {
          select.setString(1, tenant.get().value());
        }
        List<StoredKey> keys = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            keys.add(key(rows));
          }
        }
        return keys;
      }
    });
  }

  @Override
  public boolean revoke(String keyId, Instant when) {
    return jdbc.inTransaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE api_keys SET revoke_time = ? WHERE key_id = ? AND revoke_time IS NULL")) {
        Jdbc.bind(update, 1, when);
        update.setString(2, keyId);
        return update.executeUpdate() == 1;
      }
    });
  }

  private static StoredKey key(ResultSet rows) throws SQLException {
    return new StoredKey(rows.getString("key_id"),
        Optional.ofNullable(rows.getString("tenant_id")).map(TenantId::new), rows.getString("label"),
        Jdbc.instant(rows, "create_time"), Optional.ofNullable(Jdbc.instant(rows, "revoke_time")));
  }
}
