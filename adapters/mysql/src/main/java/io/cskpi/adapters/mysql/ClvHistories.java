package io.cskpi.adapters.mysql;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.ClvModelRepository.CustomerRecord;
import io.cskpi.application.port.ClvModelRepository.HoldoutActivity;
import io.cskpi.domain.Instants;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.CustomerHistory;
import io.cskpi.domain.kpi.predictive.HoldoutComparison.HistoryCount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each customer's (x, t_x, T) and mean repeat value in SQL: purchases grouped by the customer's
 * local purchase dates (several purchases on one day are one), then per customer. The local date
 * of an instant is computed with the zone's UTC offsets between its transitions, so no time zone
 * tables are needed on the server.
 */
final class ClvHistories {

  private ClvHistories() {}

  static List<CustomerRecord> read(Connection connection, TenantId tenant, Instant end, ZoneId zone,
      LocalDate lastDate, String currency, Segment segment) throws SQLException {
    Instant first = firstPurchase(connection, tenant, end);
    if (first == null) {
      return List.of();
    }
    Sql sql = new Sql().add("WITH days AS (SELECT customer_id, DATE(purchased_at + INTERVAL ");
    offsetSeconds(sql, zone, first, end);
    sql.add(" SECOND) AS day, SUM(amount) AS value FROM purchases WHERE tenant_id = ? AND refunded_order_id IS NULL"
        + " AND currency = ? AND purchased_at < ?", tenant.value(), currency, end)
        .segment(tenant, segment, "customer_id")
        .add(" GROUP BY customer_id, day), ranked AS (SELECT customer_id, day, value,"
            + " ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY day) AS nth FROM days)"
            + " SELECT customer_id, COUNT(*) - 1, MIN(day), MAX(day), SUM(CASE WHEN nth > 1 THEN value END)"
            + " FROM ranked GROUP BY customer_id ORDER BY customer_id");
    List<CustomerRecord> records = new ArrayList<>();
    try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        int x = rows.getInt(2);
        LocalDate firstDay = rows.getObject(3, LocalDate.class);
        LocalDate lastDay = rows.getObject(4, LocalDate.class);
        Optional<BigDecimal> mean = x == 0 ? Optional.empty()
            : Optional.of(rows.getBigDecimal(5).divide(BigDecimal.valueOf(x), MathContext.DECIMAL64));
        CustomerHistory history = new CustomerHistory(x, weeks(firstDay, lastDay), weeks(firstDay, lastDate),
            mean.map(BigDecimal::doubleValue).orElse(0.0));
        records.add(new CustomerRecord(rows.getString(1), history, mean));
      }
    }
    return records;
  }

  /** What a fit's customers did up to {@code end}: see {@link ClvModelRepository#holdoutActivity}. */
  static HoldoutActivity holdout(Connection connection, TenantId tenant, ClvModel model, ZoneId zone,
      Instant end) throws SQLException {
    Instant first = firstPurchase(connection, tenant, end);
    if (first == null) {
      return new HoldoutActivity(List.of(), Map.of());
    }
    Sql days = new Sql().add("WITH days AS (SELECT DISTINCT p.customer_id, DATE(purchased_at + INTERVAL ");
    offsetSeconds(days, zone, first, end);
    days.add(" SECOND) AS day FROM clv_model_customers m JOIN purchases p ON p.tenant_id = m.tenant_id"
        + " AND p.customer_id = m.customer_id WHERE m.tenant_id = ? AND m.model_id = ? AND p.refunded_order_id IS NULL"
        + " AND p.currency = ? AND p.purchased_at < ?)", tenant.value(), model.modelId(), model.currencyCode(), end);
    Sql groups = new Sql().add(days).add(" SELECT m.x, m.t_x, m.t_cal, COUNT(*), COALESCE(SUM(h.n), 0)"
        + " FROM clv_model_customers m LEFT JOIN (SELECT customer_id, COUNT(*) AS n FROM days WHERE day > ?"
        + " GROUP BY customer_id) h ON h.customer_id = m.customer_id WHERE m.tenant_id = ? AND m.model_id = ?"
        + " GROUP BY m.x, m.t_x, m.t_cal", model.calibrationEndDate(), tenant.value(), model.modelId());
    List<HistoryCount> histories = new ArrayList<>();
    try (PreparedStatement select = groups.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        histories.add(new HistoryCount(CustomerHistory.of(rows.getInt(1), rows.getDouble(2), rows.getDouble(3)),
            rows.getLong(4), rows.getLong(5)));
      }
    }
    Sql repeats = new Sql().add(days).add(", ranked AS (SELECT day, ROW_NUMBER() OVER (PARTITION BY customer_id"
        + " ORDER BY day) AS nth FROM days) SELECT day, COUNT(*) FROM ranked WHERE nth > 1 GROUP BY day");
    Map<LocalDate, Long> byDate = new HashMap<>();
    try (PreparedStatement select = repeats.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        byDate.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
      }
    }
    return new HoldoutActivity(histories, byDate);
  }

  /** The currencies of purchases before {@code end}. */
  static List<String> currencies(Connection connection, TenantId tenant, Instant end) throws SQLException {
    List<String> found = new ArrayList<>();
    try (PreparedStatement select = new Sql().add("SELECT DISTINCT currency FROM purchases WHERE tenant_id = ?"
        + " AND purchased_at < ?", tenant.value(), end).prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        found.add(rows.getString(1));
      }
    }
    return found;
  }

  private static double weeks(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / 7.0;
  }

  private static Instant firstPurchase(Connection connection, TenantId tenant, Instant end) throws SQLException {
    try (PreparedStatement select = new Sql().add("SELECT MIN(purchased_at) AS first_at FROM purchases WHERE tenant_id = ?"
        + " AND purchased_at < ?", tenant.value(), end).prepare(connection); ResultSet rows = select.executeQuery()) {
      rows.next();
      return Jdbc.instant(rows, "first_at");
    }
  }

  /** "CASE WHEN purchased_at < t1 THEN o0 ... ELSE oN END": the zone's offset at each purchase. */
  private static void offsetSeconds(Sql sql, ZoneId zone, Instant from, Instant until) {
    var rules = zone.getRules();
    List<ZoneOffsetTransition> transitions = new ArrayList<>();
    Instant at = from.isBefore(Instants.EARLIEST) ? Instants.EARLIEST : from;
    for (ZoneOffsetTransition next = rules.nextTransition(at.minusSeconds(1)); next != null
        && next.getInstant().isBefore(until); next = rules.nextTransition(next.getInstant())) {
      transitions.add(next);
    }
    String last = String.valueOf(rules.getOffset(until).getTotalSeconds());
    if (transitions.isEmpty()) {
      sql.add(last);
      return;
    }
    sql.add("(CASE");
    transitions.forEach(t -> sql.add(" WHEN purchased_at < ? THEN " + t.getOffsetBefore().getTotalSeconds(),
        t.getInstant()));
    sql.add(" ELSE " + last + " END)");
  }
}
