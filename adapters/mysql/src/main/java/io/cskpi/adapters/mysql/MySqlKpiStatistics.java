package io.cskpi.adapters.mysql;

import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.ChurnCounts;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.LifespanStats;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
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
   * For boundaries b0..bN of the consecutive periods: per customer, the acquisition and the latest
   * event strictly before each boundary (active, churned, or nothing), the latest churn before
   * each boundary and the reactivations inside each period; then the counts of every period.
   */
  @Override
  public List<LifecycleSummary> lifecycle(TenantId tenant, ChurnPolicy policy, List<Period> periods, Segment segment) {
    List<Instant> bounds = boundaries(periods);
    int n = periods.size();
    Sql sql = new Sql().add("WITH ");
    events(sql, tenant, policy, segment);
    sql.add(", per_customer AS (SELECT MIN(CASE WHEN kind = 1 THEN at END) AS acquired_at");
    for (int j = 0; j <= n; j++) {
      sql.add(", MAX(CASE WHEN at < ? THEN " + EVENT_KEY + " END) AS last_" + j, bounds.get(j));
      sql.add(", MAX(CASE WHEN kind = 2 AND at < ? THEN at END) AS churn_" + j, bounds.get(j));
    }
    for (int i = 0; i < n; i++) {
      sql.add(", SUM(CASE WHEN kind = 3 AND at >= ? AND at < ? THEN 1 ELSE 0 END) AS react_" + i,
          bounds.get(i), bounds.get(i + 1));
    }
    sql.add(" FROM events GROUP BY customer_id), flags AS (SELECT acquired_at");
    for (int j = 0; j <= n; j++) {
      sql.add(", churn_" + j);
      sql.add(", COALESCE(acquired_at < ? AND RIGHT(last_" + j + ", 1) IN ('1', '3'), 0) AS active_" + j, bounds.get(j));
      sql.add(", COALESCE(acquired_at < ? AND RIGHT(last_" + j + ", 1) = '2', 0) AS churned_" + j, bounds.get(j));
    }
    for (int i = 0; i < n; i++) {
      sql.add(", react_" + i + ", COALESCE(acquired_at >= ? AND acquired_at < ?, 0) AS new_" + i,
          bounds.get(i), bounds.get(i + 1));
    }
    sql.add(" FROM per_customer) SELECT 0");
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
   * The CTE "events" (customer_id, kind 1 acquired / 2 churned / 3 reactivated, at) of the
   * segment's customers: pushed events, or, under an inactivity rule of N days, derived from
   * purchases: acquired at the first purchase, reactivated by a purchase more than N days after
   * the previous one, churned N days after a purchase that no purchase follows within N days.
   * Refunds are not activity.
   */
  private static void events(Sql sql, TenantId tenant, ChurnPolicy policy, Segment segment) {
    if (policy instanceof ChurnPolicy.Inactivity rule) {
      sql.add("p AS (SELECT customer_id, purchased_at AS at,"
          + " LAG(purchased_at) OVER (PARTITION BY customer_id ORDER BY purchased_at) AS prev_at,"
          + " LEAD(purchased_at) OVER (PARTITION BY customer_id ORDER BY purchased_at) AS next_at"
          + " FROM purchases WHERE tenant_id = ? AND refunded_order_id IS NULL", tenant.value())
          .segment(tenant, segment, "customer_id")
          .add("), events AS (SELECT customer_id, 1 AS kind, at FROM p WHERE prev_at IS NULL"
              + " UNION ALL SELECT customer_id, 3, at FROM p WHERE at > prev_at + INTERVAL ? DAY"
              + " UNION ALL SELECT customer_id, 2, at + INTERVAL ? DAY FROM p"
              + " WHERE next_at IS NULL OR next_at > at + INTERVAL ? DAY)", rule.days(), rule.days(), rule.days());
    } else {
      sql.add("events AS (SELECT customer_id, 1 AS kind, acquired_at AS at FROM customers"
              + " WHERE tenant_id = ? AND acquired_at IS NOT NULL", tenant.value())
          .segment(tenant, segment, "customer_id")
          .add(" UNION ALL SELECT customer_id, kind, event_at FROM lifecycle_events WHERE tenant_id = ?", tenant.value())
          .segment(tenant, segment, "customer_id")
          .add(")");
    }
  }

  /** Revenue (refunds included), purchases (refunds excluded) and purchasing customers, per period and currency. */
  @Override
  public List<List<PurchaseTotals>> purchaseTotals(TenantId tenant, List<Period> periods, Segment segment) {
    List<Instant> bounds = boundaries(periods);
    Sql sql = new Sql().add("SELECT CASE");
    for (int i = 0; i < periods.size(); i++) {
      sql.add(" WHEN purchased_at < ? THEN " + i, bounds.get(i + 1));
    }
    sql.add(" END AS period, currency, SUM(amount),"
            + " SUM(CASE WHEN refunded_order_id IS NULL THEN 1 ELSE 0 END),"
            + " COUNT(DISTINCT CASE WHEN refunded_order_id IS NULL THEN customer_id END)"
            + " FROM purchases WHERE tenant_id = ? AND purchased_at >= ? AND purchased_at < ?",
        tenant.value(), bounds.get(0), bounds.get(periods.size()))
        .segment(tenant, segment, "customer_id")
        .add(" GROUP BY period, currency ORDER BY period, currency");
    return jdbc.read(connection -> {
      List<List<PurchaseTotals>> totals = new ArrayList<>();
      periods.forEach(p -> totals.add(new ArrayList<>()));
      try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          totals.get(rows.getInt(1)).add(new PurchaseTotals(new Money(rows.getBigDecimal(3), rows.getString(2)),
              rows.getLong(4), rows.getLong(5)));
        }
      }
      return totals;
    });
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
