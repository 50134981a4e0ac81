package io.cskpi.adapters.mysql;

import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.ChurnCounts;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.LifespanStats;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link KpiStatistics} on MySQL: each figure is one aggregate query; no rows reach the JVM.
 * The lifecycle rules are those of {@code io.cskpi.domain.kpi.Lifecycle}, in SQL.
 */
public final class MySqlKpiStatistics implements KpiStatistics {

  /** Lifecycle events (kind 1 acquired, 2 churned, 3 reactivated) of a contractual tenant. */
  private static final String PUSHED_EVENTS = """
      events AS (
        SELECT customer_id, 1 AS kind, acquired_at AS at
          FROM customers WHERE tenant_id = ? AND acquired_at IS NOT NULL
        UNION ALL
        SELECT customer_id, kind, event_at FROM lifecycle_events WHERE tenant_id = ?
      )""";

  /**
   * Lifecycle events derived from purchases under an inactivity rule of N days: acquired at the
   * first purchase, reactivated by a purchase more than N days after the previous one, churned
   * N days after a purchase that no purchase follows within N days.
   */
  private static final String INACTIVITY_EVENTS = """
      p AS (
        SELECT customer_id, purchased_at AS at,
               LAG(purchased_at) OVER (PARTITION BY customer_id ORDER BY purchased_at) AS prev_at,
               LEAD(purchased_at) OVER (PARTITION BY customer_id ORDER BY purchased_at) AS next_at
          FROM purchases WHERE tenant_id = ?
      ),
      events AS (
        SELECT customer_id, 1 AS kind, at FROM p WHERE prev_at IS NULL
        UNION ALL
        SELECT customer_id, 3, at FROM p WHERE at > prev_at + INTERVAL ? DAY
        UNION ALL
        SELECT customer_id, 2, at + INTERVAL ? DAY FROM p
         WHERE next_at IS NULL OR next_at > at + INTERVAL ? DAY
      )""";

  /**
   * Per customer: the acquisition, the latest event strictly before the start and before the end
   * (as sortable text: time then kind, so same-instant events order by kind), the latest churn
   * before the end and the reactivations in the period; then the counts over customers.
   */
  private static final String SUMMARY = """
      , per_customer AS (
        SELECT MIN(CASE WHEN kind = 1 THEN at END) AS acquired_at,
               MAX(CASE WHEN at < ? THEN CONCAT(DATE_FORMAT(at, '%Y%m%d%H%i%s%f'), kind) END) AS last_before_start,
               MAX(CASE WHEN at < ? THEN CONCAT(DATE_FORMAT(at, '%Y%m%d%H%i%s%f'), kind) END) AS last_before_end,
               MAX(CASE WHEN kind = 2 AND at < ? THEN at END) AS last_churn_before_end,
               SUM(CASE WHEN kind = 3 AND at >= ? AND at < ? THEN 1 ELSE 0 END) AS reactivations
          FROM events GROUP BY customer_id
      ),
      flags AS (
        SELECT acquired_at, last_churn_before_end, reactivations,
               COALESCE(acquired_at < ? AND RIGHT(last_before_start, 1) IN ('1', '3'), 0) AS active_start,
               COALESCE(acquired_at < ? AND RIGHT(last_before_end, 1) IN ('1', '3'), 0) AS active_end,
               COALESCE(acquired_at < ? AND RIGHT(last_before_end, 1) = '2', 0) AS churned_end,
               COALESCE(acquired_at >= ? AND acquired_at < ?, 0) AS acquired_in
          FROM per_customer
      )
      SELECT COALESCE(SUM(active_start), 0),
             COALESCE(SUM(active_start AND NOT active_end), 0),
             COALESCE(SUM(acquired_in), 0),
             COALESCE(SUM(reactivations), 0),
             COALESCE(SUM(acquired_in AND NOT active_end), 0),
             COALESCE(SUM(active_end), 0),
             COALESCE(SUM(churned_end), 0),
             COALESCE(SUM(CASE WHEN churned_end THEN TIMESTAMPDIFF(SECOND, acquired_at, last_churn_before_end) END), 0)
        FROM flags""";

  private final Jdbc jdbc;

  public MySqlKpiStatistics(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public LifecycleSummary lifecycle(TenantId tenant, ChurnPolicy policy, Period period) {
    boolean inactivity = policy instanceof ChurnPolicy.Inactivity;
    String sql = "WITH " + (inactivity ? INACTIVITY_EVENTS : PUSHED_EVENTS) + SUMMARY;
    return jdbc.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        int index = 1;
        select.setString(index++, tenant.value());
        if (policy instanceof ChurnPolicy.Inactivity rule) {
          for (int i = 0; i < 3; i++) {
            select.setInt(index++, rule.days());
          }
        } else {
          select.setString(index++, tenant.value());
        }
        for (var instant : List.of(period.start(), period.end(), period.end(), period.start(), period.end(),
            period.start(), period.end(), period.end(), period.start(), period.end())) {
          Jdbc.bind(select, index++, instant);
        }
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return new LifecycleSummary(
              new ChurnCounts(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                  row.getLong(6)),
              new LifespanStats(row.getLong(7), row.getLong(8)));
        }
      }
    });
  }

  @Override
  public List<PurchaseTotals> purchaseTotals(TenantId tenant, Period period) {
    return jdbc.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT currency, SUM(amount), COUNT(*), COUNT(DISTINCT customer_id) FROM purchases "
              + "WHERE tenant_id = ? AND purchased_at >= ? AND purchased_at < ? GROUP BY currency ORDER BY currency")) {
        select.setString(1, tenant.value());
        Jdbc.bind(select, 2, period.start());
        Jdbc.bind(select, 3, period.end());
        List<PurchaseTotals> totals = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            totals.add(new PurchaseTotals(new Money(rows.getBigDecimal(2), rows.getString(1)),
                rows.getLong(3), rows.getLong(4)));
          }
        }
        return totals;
      }
    });
  }
}
