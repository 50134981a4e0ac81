package io.cskpi.application.port;

import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.CsatSurveyCounts;
import io.cskpi.domain.kpi.ExpenseGroup;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.NpsCounts;
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

  /**
   * The histogram of NPS scores of each period: every answered response of an NPS survey, or
   * only each customer's latest one in the period when {@code latestPerCustomer}.
   */
  List<NpsCounts> npsCounts(TenantId tenant, List<Period> periods, Segment segment, boolean latestPerCustomer);

  /** Per CSAT survey with answers in the period: answered, satisfied and the sum of scores. */
  List<List<CsatSurveyCounts>> csatCounts(TenantId tenant, List<Period> periods, Segment segment);

  /**
   * The expenses whose service interval overlaps each period's local dates, summed per category,
   * currency and service interval (so that the caller spreads each sum by days).
   */
  List<List<ExpenseGroup>> expenseGroups(TenantId tenant, List<Period> periods);
}
