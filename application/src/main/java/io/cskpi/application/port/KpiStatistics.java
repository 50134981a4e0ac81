package io.cskpi.application.port;

import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Period;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.util.List;

/**
 * The aggregates the KPI rules need, computed where the data is: counts and sums, never rows.
 */
public interface KpiStatistics {

  /** Churn counts of the period and lifespans at its end, under the tenant's churn policy. */
  LifecycleSummary lifecycle(TenantId tenant, ChurnPolicy policy, Period period);

  /** Revenue, purchases and purchasing customers of the period, one entry per currency. */
  List<PurchaseTotals> purchaseTotals(TenantId tenant, Period period);
}
