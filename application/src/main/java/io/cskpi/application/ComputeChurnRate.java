package io.cskpi.application;

import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.Period;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.ChurnRate;
import io.cskpi.domain.kpi.ChurnRule;

/** The churn rate of a period under the tenant's churn policy (spec section 1). */
public final class ComputeChurnRate {

  private final KpiStatistics statistics;
  private final TenantLookup lookup;

  public ComputeChurnRate(KpiStatistics statistics, TenantLookup lookup) {
    this.statistics = statistics;
    this.lookup = lookup;
  }

  public ChurnRate compute(TenantId tenantId, PeriodQuery query) {
    Tenant tenant = lookup.require(tenantId);
    Period period = query.resolve(tenant.timeZone());
    var lifecycle = statistics.lifecycle(tenantId, tenant.churnPolicy(), period);
    return ChurnRule.rate(period, tenant.churnPolicy(), lifecycle.counts());
  }
}
