package io.cskpi.application;

import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.CsatSurveyCounts;
import io.cskpi.domain.kpi.ExpenseGroup;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.NpsCounts;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one request that needs the same lifecycle for several KPIs (the KPI report):
 * each distinct lifecycle is asked of the store once; everything else passes through.
 */
final class LifecycleOnce implements KpiStatistics {

  private record Key(TenantId tenant, ChurnPolicy policy, List<Period> periods, Segment segment) {}

  private final KpiStatistics statistics;
  private final Map<Key, List<LifecycleSummary>> asked = new HashMap<>();

  LifecycleOnce(KpiStatistics statistics) {
    this.statistics = statistics;
  }

  @Override
  public List<LifecycleSummary> lifecycle(TenantId tenant, ChurnPolicy policy, List<Period> periods, Segment segment) {
    return asked.computeIfAbsent(new Key(tenant, policy, List.copyOf(periods), segment),
        key -> statistics.lifecycle(tenant, policy, periods, segment));
  }

  @Override
  public List<List<PurchaseTotals>> purchaseTotals(TenantId tenant, List<Period> periods, Segment segment) {
    return statistics.purchaseTotals(tenant, periods, segment);
  }

  @Override
  public List<NpsCounts> npsCounts(TenantId tenant, List<Period> periods, Segment segment, boolean latestPerCustomer) {
    return statistics.npsCounts(tenant, periods, segment, latestPerCustomer);
  }

  @Override
  public List<List<CsatSurveyCounts>> csatCounts(TenantId tenant, List<Period> periods, Segment segment) {
    return statistics.csatCounts(tenant, periods, segment);
  }

  @Override
  public List<List<ExpenseGroup>> expenseGroups(TenantId tenant, List<Period> periods) {
    return statistics.expenseGroups(tenant, periods);
  }
}
