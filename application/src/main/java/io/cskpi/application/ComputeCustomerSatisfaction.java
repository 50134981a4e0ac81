package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.kpi.Csat;
import io.cskpi.domain.kpi.CsatRule;
import io.cskpi.domain.kpi.CsatSurveyCounts;
import java.util.ArrayList;
import java.util.List;

/** The Customer Satisfaction Score of each period, across survey scales (spec section 5). */
public final class ComputeCustomerSatisfaction {

  private final KpiStatistics statistics;
  private final TenantLookup lookup;
  private final CustomerRepository customers;

  public ComputeCustomerSatisfaction(KpiStatistics statistics, TenantLookup lookup, CustomerRepository customers) {
    this.statistics = statistics;
    this.lookup = lookup;
    this.customers = customers;
  }

  public List<Csat> compute(KpiQuery query) {
    KpiScope scope = KpiScope.resolve(query, lookup, customers);
    List<List<CsatSurveyCounts>> counts = statistics.csatCounts(query.tenant(), scope.periods(), scope.segment());
    List<Csat> rates = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      rates.add(CsatRule.rate(scope.periods().get(i), counts.get(i)));
    }
    return rates;
  }
}
