package io.cskpi.adapters.mysql;

import io.cskpi.application.port.HealthRepository.CustomerSignals;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.health.HealthSignals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers' signal values as of an instant, aggregated in SQL: one grouped query over purchases
 * for the two purchase signals, one window query per survey kind for the latest responses, one for
 * the latest pushed values. The JVM receives one small row per customer and signal, never raw
 * histories.
 */
final class HealthSignalValues {

  private static final int NPS = 1;
  private static final int CSAT = 2;

  private HealthSignalValues() {}

  static List<CustomerSignals> read(Connection connection, TenantId tenant, ZoneId zone, LocalDate asOf,
      Collection<String> signals, Segment segment, Optional<String> customerId) throws SQLException {
    Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
    Map<String, Map<String, Double>> book = new LinkedHashMap<>();
    Sql customers = new Sql().add("SELECT customer_id FROM customers WHERE tenant_id = ?"
        + " AND (acquired_at IS NULL OR acquired_at < ?)", tenant.value(), end);
    scope(customers, tenant, segment, customerId, "customer_id").add(" ORDER BY customer_id");
    try (PreparedStatement select = customers.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        book.put(rows.getString(1), new HashMap<>());
      }
    }
    if (signals.contains(HealthSignals.DAYS_SINCE_LAST_PURCHASE) || signals.contains(HealthSignals.PURCHASES_LAST_90_DAYS)) {
      purchases(connection, tenant, zone, asOf, end, signals, segment, customerId, book);
    }
    if (signals.contains(HealthSignals.LATEST_NPS)) {
      latestResponses(connection, tenant, NPS, HealthSignals.LATEST_NPS, end, segment, customerId, book);
    }
    if (signals.contains(HealthSignals.LATEST_CSAT_SHARE)) {
      latestResponses(connection, tenant, CSAT, HealthSignals.LATEST_CSAT_SHARE, end, segment, customerId, book);
    }
    List<String> pushed = signals.stream().filter(s -> !HealthSignals.isBuiltIn(s)).toList();
    if (!pushed.isEmpty()) {
      pushedSignals(connection, tenant, pushed, end, segment, customerId, book);
    }
    List<CustomerSignals> result = new ArrayList<>(book.size());
    book.forEach((id, values) -> result.add(new CustomerSignals(id, values)));
    return result;
  }

  private static void purchases(Connection connection, TenantId tenant, ZoneId zone, LocalDate asOf, Instant end,
      Collection<String> signals, Segment segment, Optional<String> customerId, Map<String, Map<String, Double>> book)
      throws SQLException {
    Sql sql = new Sql().add("SELECT customer_id, MAX(purchased_at) AS last_at, SUM(purchased_at >= ?) AS recent"
        + " FROM purchases WHERE tenant_id = ? AND refunded_order_id IS NULL AND purchased_at < ?",
        end.minus(Duration.ofDays(90)), tenant.value(), end);
    scope(sql, tenant, segment, customerId, "customer_id").add(" GROUP BY customer_id");
    try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Map<String, Double> values = book.get(rows.getString(1));
        if (values == null) {
          continue;
        }
        if (signals.contains(HealthSignals.DAYS_SINCE_LAST_PURCHASE)) {
          LocalDate last = LocalDate.ofInstant(Jdbc.instant(rows, "last_at"), zone);
          values.put(HealthSignals.DAYS_SINCE_LAST_PURCHASE, (double) ChronoUnit.DAYS.between(last, asOf));
        }
        if (signals.contains(HealthSignals.PURCHASES_LAST_90_DAYS)) {
          values.put(HealthSignals.PURCHASES_LAST_90_DAYS, (double) rows.getLong("recent"));
        }
      }
    }
  }

  /** The latest answered response of a survey kind per customer; CSAT as a share of its scale. */
  private static void latestResponses(Connection connection, TenantId tenant, int kind, String signal, Instant end,
      Segment segment, Optional<String> customerId, Map<String, Map<String, Double>> book) throws SQLException {
    Sql sql = new Sql().add("SELECT customer_id, score, scale_min, scale_max FROM (SELECT r.customer_id, r.score,"
        + " s.scale_min, s.scale_max, ROW_NUMBER() OVER (PARTITION BY r.customer_id ORDER BY r.responded_at DESC,"
        + " r.response_id DESC) AS nth FROM survey_responses r JOIN surveys s ON s.tenant_id = r.tenant_id"
        + " AND s.survey_id = r.survey_id WHERE r.tenant_id = ? AND s.kind = ? AND r.score IS NOT NULL"
        + " AND r.responded_at < ?", tenant.value(), kind, end);
    scope(sql, tenant, segment, customerId, "r.customer_id").add(") latest WHERE nth = 1");
    try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Map<String, Double> values = book.get(rows.getString(1));
        if (values != null) {
          int score = rows.getInt(2);
          values.put(signal, kind == NPS ? score
              : (double) (score - rows.getInt(3)) / (rows.getInt(4) - rows.getInt(3)));
        }
      }
    }
  }

  /** The latest value of each pushed signal per customer, ties by signal id. */
  private static void pushedSignals(Connection connection, TenantId tenant, List<String> names, Instant end,
      Segment segment, Optional<String> customerId, Map<String, Map<String, Double>> book) throws SQLException {
    Sql sql = new Sql().add("SELECT customer_id, name, value FROM (SELECT customer_id, name, value, ROW_NUMBER()"
        + " OVER (PARTITION BY name, customer_id ORDER BY observed_at DESC, signal_id DESC) AS nth FROM signals"
        + " WHERE tenant_id = ? AND name", tenant.value()).in(names).add(" AND observed_at < ?", end);
    scope(sql, tenant, segment, customerId, "customer_id").add(") latest WHERE nth = 1");
    try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Map<String, Double> values = book.get(rows.getString(1));
        if (values != null) {
          values.put(rows.getString(2), rows.getDouble(3));
        }
      }
    }
  }

  private static Sql scope(Sql sql, TenantId tenant, Segment segment, Optional<String> customerId, String column) {
    sql.segment(tenant, segment, column);
    customerId.ifPresent(id -> sql.add(" AND " + column + " = ?", id));
    return sql;
  }
}
