package io.cskpi.adapters.mysql;

import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.health.HealthBands;
import io.cskpi.domain.kpi.health.HealthMeasure;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.ScoringRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** A health model version in rows: the model, its bands, its measures and their tiers. */
final class HealthModelRows {

  private HealthModelRows() {}

  /** The highest version, or empty. */
  static OptionalInt currentVersion(Connection connection, TenantId tenant) throws SQLException {
    try (PreparedStatement select = new Sql().add("SELECT MAX(version) FROM health_models WHERE tenant_id = ?",
        tenant.value()).prepare(connection); ResultSet row = select.executeQuery()) {
      row.next();
      int version = row.getInt(1);
      return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
    }
  }

  static Optional<HealthModel> find(Connection connection, TenantId tenant, int version) throws SQLException {
    List<HealthBands.Band> bands = new ArrayList<>();
    try (PreparedStatement select = new Sql().add("SELECT name, up_to FROM health_model_bands WHERE tenant_id = ?"
        + " AND version = ? ORDER BY position", tenant.value(), version).prepare(connection);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        bands.add(new HealthBands.Band(rows.getString(1), rows.getDouble(2)));
      }
    }
    if (bands.isEmpty()) {
      return Optional.empty();
    }
    List<List<ScoringRule.Tier>> tiers = new ArrayList<>();
    try (PreparedStatement select = new Sql().add("SELECT measure_position, above, up_to, points FROM"
        + " health_model_tiers WHERE tenant_id = ? AND version = ? ORDER BY measure_position, position",
        tenant.value(), version).prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        int measure = rows.getInt(1);
        while (tiers.size() <= measure) {
          tiers.add(new ArrayList<>());
        }
        tiers.get(measure).add(new ScoringRule.Tier(optional(rows, 2), optional(rows, 3), rows.getDouble(4)));
      }
    }
    List<HealthMeasure> measures = new ArrayList<>();
    try (PreparedStatement select = new Sql().add("SELECT position, signal_name, weight, zero_points_at,"
        + " full_points_at FROM health_model_measures WHERE tenant_id = ? AND version = ? ORDER BY position",
        tenant.value(), version).prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        int position = rows.getInt(1);
        OptionalDouble zero = optional(rows, 4);
        ScoringRule rule = zero.isPresent() ? new ScoringRule.Linear(zero.getAsDouble(), rows.getDouble(5))
            : new ScoringRule.Tiers(tiers.get(position));
        measures.add(new HealthMeasure(rows.getString(2), rows.getDouble(3), rule));
      }
    }
    return Optional.of(new HealthModel(version, measures, new HealthBands(bands)));
  }

  static void insert(Connection connection, TenantId tenant, HealthModel model, Instant now) throws SQLException {
    String t = tenant.value();
    int v = model.version();
    execute(connection, new Sql().add("INSERT INTO health_models (tenant_id, version, create_time) VALUES (?, ?, ?)",
        t, v, now));
    for (int i = 0; i < model.bands().bands().size(); i++) {
      var band = model.bands().bands().get(i);
      execute(connection, new Sql().add("INSERT INTO health_model_bands (tenant_id, version, position, name, up_to)"
          + " VALUES (?, ?, ?, ?, ?)", t, v, i, band.name(), band.upTo()));
    }
    for (int i = 0; i < model.measures().size(); i++) {
      HealthMeasure measure = model.measures().get(i);
      Double zero = measure.rule() instanceof ScoringRule.Linear linear ? linear.zeroPointsAt() : null;
      Double full = measure.rule() instanceof ScoringRule.Linear linear ? linear.fullPointsAt() : null;
      execute(connection, new Sql().add("INSERT INTO health_model_measures (tenant_id, version, position,"
          + " signal_name, weight, zero_points_at, full_points_at) VALUES (?, ?, ?, ?, ?, ?, ?)", t, v, i,
          measure.signal(), measure.weight(), zero, full));
      if (measure.rule() instanceof ScoringRule.Tiers tiers) {
        for (int j = 0; j < tiers.tiers().size(); j++) {
          var tier = tiers.tiers().get(j);
          execute(connection, new Sql().add("INSERT INTO health_model_tiers (tenant_id, version, measure_position,"
              + " position, above, up_to, points) VALUES (?, ?, ?, ?, ?, ?, ?)", t, v, i, j, boxed(tier.above()),
              boxed(tier.upTo()), tier.points()));
        }
      }
    }
  }

  private static void execute(Connection connection, Sql sql) throws SQLException {
    try (PreparedStatement statement = sql.prepare(connection)) {
      statement.executeUpdate();
    }
  }

  private static OptionalDouble optional(ResultSet rows, int column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
