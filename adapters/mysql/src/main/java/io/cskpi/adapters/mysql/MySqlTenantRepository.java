package io.cskpi.adapters.mysql;

import io.cskpi.application.port.TenantRepository;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link TenantRepository} on MySQL. */
public final class MySqlTenantRepository implements TenantRepository {

  private final Jdbc jdbc;

  public MySqlTenantRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void create(Tenant tenant) {
    boolean created = jdbc.inTransaction(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT 1 FROM tenants WHERE tenant_id = ?")) {
        select.setString(1, tenant.id().value());
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO tenants (tenant_id, display_name, time_zone, inactivity_days, create_time) "
              + "VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, tenant.id().value());
        bindSettings(insert, tenant, 2);
        Jdbc.bind(insert, 5, tenant.createTime());
        return insert.executeUpdate() == 1;
      }
    });
    if (!created) {
      throw new CskpiException(CskpiException.Kind.ALREADY_EXISTS, "TENANT_ALREADY_EXISTS",
          "tenant \"" + tenant.id() + "\" already exists");
    }
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    return jdbc.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT display_name, time_zone, inactivity_days, create_time FROM tenants WHERE tenant_id = ?")) {
        select.setString(1, id.value());
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          int days = rows.getInt("inactivity_days");
          ChurnPolicy policy = rows.wasNull() ? new ChurnPolicy.LifecycleEvents() : new ChurnPolicy.Inactivity(days);
          return Optional.of(new Tenant(id, rows.getString("display_name"),
              ZoneId.of(rows.getString("time_zone")), policy, Jdbc.instant(rows, "create_time")));
        }
      }
    });
  }

  @Override
  public void update(Tenant tenant) {
    jdbc.inTransaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE tenants SET display_name = ?, time_zone = ?, inactivity_days = ? WHERE tenant_id = ?")) {
        bindSettings(update, tenant, 1);
        update.setString(4, tenant.id().value());
        return update.executeUpdate();
      }
    });
  }

  private static void bindSettings(PreparedStatement statement, Tenant tenant, int first) throws SQLException {
    statement.setString(first, tenant.displayName());
    statement.setString(first + 1, tenant.timeZone().getId());
    if (tenant.churnPolicy() instanceof ChurnPolicy.Inactivity inactivity) {
      statement.setInt(first + 2, inactivity.days());
    } else {
      statement.setNull(first + 2, Types.INTEGER);
    }
  }
}
