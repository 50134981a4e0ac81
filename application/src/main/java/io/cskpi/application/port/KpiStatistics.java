package io.cskpi.application.port;

import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.util.List;

/**
 * The aggregates the KPI rules need, computed where the data is: counts and sums, never rows.
 * Each method takes consecutive periods (a series, or one period) and answers one entry per
 * period, in order, in one pass over the data.
 */
public interface KpiStatistics {

  /** Churn counts of each period and lifespans at its end, under the tenant's churn policy. */
  List<LifecycleSummary> lifecycle(TenantId tenant, ChurnPolicy policy, List<Period> periods, Segment segment);

  /**
   * Revenue (refunds included), purchases (refunds excluded) and purchasing customers of each
   * period, one entry per currency.
   */
  List<List<PurchaseTotals>> purchaseTotals(TenantId tenant, List<Period> periods, Segment segment);
}
