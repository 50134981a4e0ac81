package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.kpi.ChurnRate;
import io.cskpi.domain.kpi.ChurnRule;
import io.cskpi.domain.kpi.LifecycleSummary;
import java.util.ArrayList;
import java.util.List;

/** The churn rate of each period under the tenant's churn policy (spec section 1). */
public final class ComputeChurnRate {

  private final KpiStatistics statistics;
  private final TenantLookup lookup;
  private final CustomerRepository customers;

  public ComputeChurnRate(KpiStatistics statistics, TenantLookup lookup, CustomerRepository customers) {
    this.statistics = statistics;
    this.lookup = lookup;
    this.customers = customers;
  }

  public List<ChurnRate> compute(KpiQuery query) {
    KpiScope scope = KpiScope.resolve(query, lookup, customers);
    var policy = scope.tenant().churnPolicy();
    List<LifecycleSummary> lifecycles = statistics.lifecycle(query.tenant(), policy, scope.periods(), scope.segment());
    List<ChurnRate> rates = new ArrayList<>();
    for (int i = 0; i < lifecycles.size(); i++) {
      rates.add(ChurnRule.rate(scope.periods().get(i), policy, lifecycles.get(i).counts()));
    }
    return rates;
  }
}
