package io.cskpi.adapters.mysql;

import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.ChurnCounts;
import io.cskpi.domain.kpi.CsatScale;
import io.cskpi.domain.kpi.CsatSurveyCounts;
import io.cskpi.domain.kpi.ExpenseGroup;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.LifespanStats;
import io.cskpi.domain.kpi.NpsCounts;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link KpiStatistics} on MySQL: each figure is one aggregate query over the whole series of
 * periods; no rows reach the JVM. The lifecycle rules are those of
 * {@code io.cskpi.domain.kpi.Lifecycle}, in SQL.
 */
public final class MySqlKpiStatistics implements KpiStatistics {

  /** The sortable text of an event: its time, then its kind, so same-instant events order by kind. */
  private static final String EVENT_KEY = "CONCAT(DATE_FORMAT(at, '%Y%m%d%H%i%s%f'), kind)";

  private final Jdbc jdbc;

  public MySqlKpiStatistics(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * For boundaries b0..bN of the consecutive periods, a CTE "flags" with one row per customer of
   * the segment: acquired_at; active_j and churned_j, its state just before b_j; churn_j, its
   * latest churn before b_j; new_i and react_i, its acquisition and reactivations in period i.
   * Then the counts of every period from those flags, in the same query.
   */
  @Override
  public List<LifecycleSummary> lifecycle(TenantId tenant, ChurnPolicy policy, List<Period> periods, Segment segment) {
    List<Instant> bounds = boundaries(periods);
    int n = periods.size();
    Sql sql = new Sql().add("WITH ");
    if (policy instanceof ChurnPolicy.Inactivity rule) {
      inactivityFlags(sql, tenant, rule.days(), bounds, segment);
    } else {
      pushedEventFlags(sql, tenant, bounds, segment);
    }
    sql.add(" SELECT 0");
    for (int i = 0; i < n; i++) {
      int e = i + 1;
      sql.add(", COALESCE(SUM(active_" + i + "), 0), COALESCE(SUM(active_" + i + " AND NOT active_" + e + "), 0)"
          + ", COALESCE(SUM(new_" + i + "), 0), COALESCE(SUM(react_" + i + "), 0)"
          + ", COALESCE(SUM(new_" + i + " AND NOT active_" + e + "), 0), COALESCE(SUM(active_" + e + "), 0)"
          + ", COALESCE(SUM(active_" + i + " OR new_" + i + " OR react_" + i + " > 0), 0)"
          + ", COALESCE(SUM(churned_" + e + "), 0)"
          + ", COALESCE(SUM(CASE WHEN churned_" + e + " THEN TIMESTAMPDIFF(SECOND, acquired_at, churn_" + e
          + ") END), 0)");
    }
    sql.add(" FROM flags");
    return jdbc.read(connection -> {
      try (PreparedStatement select = sql.prepare(connection); ResultSet row = select.executeQuery()) {
        row.next();
        List<LifecycleSummary> summaries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          int c = 2 + 9 * i;
          summaries.add(new LifecycleSummary(
              new ChurnCounts(row.getLong(c), row.getLong(c + 1), row.getLong(c + 2), row.getLong(c + 3),
                  row.getLong(c + 4), row.getLong(c + 5)),
              row.getLong(c + 6), new LifespanStats(row.getLong(c + 7), row.getLong(c + 8))));
        }
        return summaries;
      }
    });
  }

  /**
   * Inactivity rule of N days, from purchases (refunds are not activity): acquired at the first
   * purchase; active just before b exactly when a purchase lies in [b - N days, b); the latest
   * churn before b is the latest purchase before b plus N days; a reactivation is a purchase more
   * than N days after the previous one (previous_purchased_at, kept by the purchase writer).
   */
  private static void inactivityFlags(Sql sql, TenantId tenant, int days, List<Instant> bounds, Segment segment) {
    Duration window = Duration.ofDays(days);
    int n = bounds.size() - 1;
    sql.add("per_customer AS (SELECT MIN(purchased_at) AS acquired_at");
    for (int j = 0; j <= n; j++) {
      sql.add(", MAX(purchased_at >= ? AND purchased_at < ?) AS active_" + j, bounds.get(j).minus(window), bounds.get(j));
      sql.add(", MAX(CASE WHEN purchased_at < ? THEN purchased_at END) AS last_" + j, bounds.get(j));
    }
    for (int i = 0; i < n; i++) {
      sql.add(", COALESCE(SUM(purchased_at >= ? AND purchased_at < ?"
          + " AND purchased_at > previous_purchased_at + INTERVAL ? DAY), 0) AS react_" + i, bounds.get(i), bounds.get(i + 1), days);
    }
    sql.add(" FROM purchases WHERE tenant_id = ? AND refunded_order_id IS NULL", tenant.value())
        .segment(tenant, segment, "customer_id")
        .add(" GROUP BY customer_id), flags AS (SELECT acquired_at");
    for (int j = 0; j <= n; j++) {
      sql.add(", active_" + j + ", (acquired_at < ? AND NOT active_" + j + ") AS churned_" + j
          + ", last_" + j + " + INTERVAL ? DAY AS churn_" + j, bounds.get(j), days);
    }
    newAndReactivated(sql, bounds);
  }

  /**
   * Lifecycle events pushed by clients (kind 1 acquired at customers.acquired_at, 2 churned,
   * 3 reactivated): the state just before b is that of the latest event before b, compared as
   * text of its time then kind, so that same-instant events order by kind.
   */
  private static void pushedEventFlags(Sql sql, TenantId tenant, List<Instant> bounds, Segment segment) {
    sql.add("events AS (SELECT customer_id, 1 AS kind, acquired_at AS at FROM customers"
            + " WHERE tenant_id = ? AND acquired_at IS NOT NULL", tenant.value())
        .segment(tenant, segment, "customer_id")
        .add(" UNION ALL SELECT customer_id, kind, event_at FROM lifecycle_events WHERE tenant_id = ?", tenant.value())
        .segment(tenant, segment, "customer_id")
        .add("), per_customer AS (SELECT MIN(CASE WHEN kind = 1 THEN at END) AS acquired_at");
    for (int j = 0; j < bounds.size(); j++) {
      sql.add(", MAX(CASE WHEN at < ? THEN " + EVENT_KEY + " END) AS last_" + j, bounds.get(j));
      sql.add(", MAX(CASE WHEN kind = 2 AND at < ? THEN at END) AS churn_" + j, bounds.get(j));
    }
    for (int i = 0; i + 1 < bounds.size(); i++) {
      sql.add(", SUM(CASE WHEN kind = 3 AND at >= ? AND at < ? THEN 1 ELSE 0 END) AS react_" + i,
          bounds.get(i), bounds.get(i + 1));
    }
    sql.add(" FROM events GROUP BY customer_id), flags AS (SELECT acquired_at");
    for (int j = 0; j < bounds.size(); j++) {
      sql.add(", churn_" + j);
      sql.add(", COALESCE(acquired_at < ? AND RIGHT(last_" + j + ", 1) IN ('1', '3'), 0) AS active_" + j, bounds.get(j));
      sql.add(", COALESCE(acquired_at < ? AND RIGHT(last_" + j + ", 1) = '2', 0) AS churned_" + j, bounds.get(j));
    }
    newAndReactivated(sql, bounds);
  }

  /** The flags' last columns: react_i and new_i of every period; closes the CTE. */
  private static void newAndReactivated(Sql sql, List<Instant> bounds) {
    for (int i = 0; i + 1 < bounds.size(); i++) {
      sql.add(", react_" + i + ", COALESCE(acquired_at >= ? AND acquired_at < ?, 0) AS new_" + i,
          bounds.get(i), bounds.get(i + 1));
    }
    sql.add(" FROM per_customer)");
  }

  /**
   * Revenue (refunds included), purchases (refunds excluded) and purchasing customers, per period
   * and currency: the sums in one pass in time order, then the purchasing customers in one pass in
   * customer order (a flag per period and currency of each customer), which needs no temporary
   * table of distinct customers.
   */
  @Override
  public List<List<PurchaseTotals>> purchaseTotals(TenantId tenant, List<Period> periods, Segment segment) {
    List<Instant> bounds = boundaries(periods);
    Instant from = bounds.get(0);
    Instant until = bounds.get(periods.size());
    Sql sums = new Sql().add("SELECT ");
    periodIndex(sums, "purchased_at", bounds);
    sums.add(" AS period, currency, SUM(amount), SUM(CASE WHEN refunded_order_id IS NULL THEN 1 ELSE 0 END)"
            + " FROM purchases WHERE tenant_id = ? AND purchased_at >= ? AND purchased_at < ?", tenant.value(), from, until)
        .segment(tenant, segment, "customer_id")
        .add(" GROUP BY period, currency ORDER BY period, currency");
    return jdbc.read(connection -> {
      record Sums(int period, String currency, BigDecimal revenue, long purchases) {}
      List<Sums> found = new ArrayList<>();
      try (PreparedStatement select = sums.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(new Sums(rows.getInt(1), rows.getString(2), rows.getBigDecimal(3), rows.getLong(4)));
        }
      }
      long[] buyers = new long[found.size()];
      if (!found.isEmpty()) {
        Sql flags = new Sql().add("SELECT 0");
        for (int k = 0; k < found.size(); k++) {
          flags.add(", COALESCE(SUM(b" + k + "), 0)");
        }
        flags.add(" FROM (SELECT customer_id");
        for (int k = 0; k < found.size(); k++) {
          Sums group = found.get(k);
          flags.add(", MAX(purchased_at >= ? AND purchased_at < ? AND currency = ?) AS b" + k,
              bounds.get(group.period()), bounds.get(group.period() + 1), group.currency());
        }
        flags.add(" FROM purchases WHERE tenant_id = ? AND refunded_order_id IS NULL AND purchased_at >= ?"
                + " AND purchased_at < ?", tenant.value(), from, until)
            .segment(tenant, segment, "customer_id")
            .add(" GROUP BY customer_id) per_customer");
        try (PreparedStatement select = flags.prepare(connection); ResultSet row = select.executeQuery()) {
          row.next();
          for (int k = 0; k < buyers.length; k++) {
            buyers[k] = row.getLong(k + 2);
          }
        }
      }
      List<List<PurchaseTotals>> totals = new ArrayList<>();
      periods.forEach(p -> totals.add(new ArrayList<>()));
      for (int k = 0; k < found.size(); k++) {
        Sums group = found.get(k);
        totals.get(group.period()).add(new PurchaseTotals(new Money(group.revenue(), group.currency()),
            group.purchases(), buyers[k]));
      }
      return totals;
    });
  }

  @Override
  public List<NpsCounts> npsCounts(TenantId tenant, List<Period> periods, Segment segment, boolean latestPerCustomer) {
    List<Instant> bounds = boundaries(periods);
    Sql sql = new Sql().add("WITH answered AS (SELECT r.customer_id, r.response_id, r.responded_at, r.score, ");
    periodIndex(sql, "r.responded_at", bounds);
    sql.add(" AS period FROM survey_responses r JOIN surveys s ON s.tenant_id = r.tenant_id AND s.survey_id = r.survey_id"
            + " WHERE r.tenant_id = ? AND s.kind = 1 AND r.score IS NOT NULL AND r.responded_at >= ? AND r.responded_at < ?",
        tenant.value(), bounds.get(0), bounds.get(bounds.size() - 1))
        .segment(tenant, segment, "r.customer_id")
        .add("), ranked AS (SELECT period, score, ROW_NUMBER() OVER (PARTITION BY period, customer_id"
            + " ORDER BY responded_at DESC, response_id DESC) AS nth FROM answered)"
            + " SELECT period, score, COUNT(*) FROM ranked" + (latestPerCustomer ? " WHERE nth = 1" : "")
            + " GROUP BY period, score");
    return jdbc.read(connection -> {
      long[][] counts = new long[periods.size()][NpsCounts.MAX_SCORE + 1];
      try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          counts[rows.getInt(1)][rows.getInt(2)] = rows.getLong(3);
        }
      }
      return Arrays.stream(counts).map(NpsCounts::new).toList();
    });
  }

  @Override
  public List<List<CsatSurveyCounts>> csatCounts(TenantId tenant, List<Period> periods, Segment segment) {
    List<Instant> bounds = boundaries(periods);
    Sql sql = new Sql().add("SELECT ");
    periodIndex(sql, "r.responded_at", bounds);
    sql.add(" AS period, s.survey_id, s.scale_min, s.scale_max, s.satisfied_from, COUNT(*),"
            + " SUM(CASE WHEN r.score >= s.satisfied_from THEN 1 ELSE 0 END), SUM(r.score)"
            + " FROM survey_responses r JOIN surveys s ON s.tenant_id = r.tenant_id AND s.survey_id = r.survey_id"
            + " WHERE r.tenant_id = ? AND s.kind = 2 AND r.score IS NOT NULL AND r.responded_at >= ? AND r.responded_at < ?",
        tenant.value(), bounds.get(0), bounds.get(bounds.size() - 1))
        .segment(tenant, segment, "r.customer_id")
        .add(" GROUP BY period, s.survey_id, s.scale_min, s.scale_max, s.satisfied_from ORDER BY period, s.survey_id");
    return jdbc.read(connection -> {
      List<List<CsatSurveyCounts>> counts = new ArrayList<>();
      periods.forEach(p -> counts.add(new ArrayList<>()));
      try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          counts.get(rows.getInt(1)).add(new CsatSurveyCounts(rows.getString(2),
              new CsatScale(rows.getInt(3), rows.getInt(4), rows.getInt(5)), rows.getLong(6), rows.getLong(7),
              rows.getLong(8)));
        }
      }
      return counts;
    });
  }

  @Override
  public List<List<ExpenseGroup>> expenseGroups(TenantId tenant, List<Period> periods) {
    Sql sql = new Sql().add("SELECT p.i, e.category, e.currency, e.start_date, e.end_date, SUM(e.amount) FROM (");
    for (int i = 0; i < periods.size(); i++) {
      sql.add((i == 0 ? "" : " UNION ALL ") + "SELECT " + i + " AS i, ? AS first_date, ? AS date_after",
          periods.get(i).firstDate(), periods.get(i).dateAfter());
    }
    sql.add(") p JOIN retention_expenses e ON e.tenant_id = ? AND e.start_date < p.date_after"
            + " AND e.end_date >= p.first_date GROUP BY p.i, e.category, e.currency, e.start_date, e.end_date",
        tenant.value());
    return jdbc.read(connection -> {
      List<List<ExpenseGroup>> groups = new ArrayList<>();
      periods.forEach(p -> groups.add(new ArrayList<>()));
      try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          groups.get(rows.getInt(1)).add(new ExpenseGroup(rows.getString(2), rows.getString(3),
              rows.getObject(4, LocalDate.class), rows.getObject(5, LocalDate.class), rows.getBigDecimal(6)));
        }
      }
      return groups;
    });
  }

  /** "CASE WHEN column < b1 THEN 0 ... END": the index of the period an instant in [b0, bN) falls in. */
  private static void periodIndex(Sql sql, String column, List<Instant> bounds) {
    sql.add("CASE");
    for (int i = 1; i < bounds.size(); i++) {
      sql.add(" WHEN " + column + " < ? THEN " + (i - 1), bounds.get(i));
    }
    sql.add(" END");
  }

  /** b0..bN of consecutive periods. */
  private static List<Instant> boundaries(List<Period> periods) {
    List<Instant> bounds = new ArrayList<>();
    bounds.add(periods.get(0).start());
    for (int i = 0; i < periods.size(); i++) {
      if (!periods.get(i).start().equals(bounds.get(i))) {
        throw new IllegalArgumentException("periods must be consecutive");
      }
      bounds.add(periods.get(i).end());
    }
    return bounds;
  }
}
