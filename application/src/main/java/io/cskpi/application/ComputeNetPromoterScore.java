package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.kpi.Nps;
import io.cskpi.domain.kpi.NpsCounts;
import io.cskpi.domain.kpi.NpsRule;
import java.util.ArrayList;
import java.util.List;

/** The Net Promoter Score of each period, per response or per customer's latest (spec section 4). */
public final class ComputeNetPromoterScore {

  private final KpiStatistics statistics;
  private final TenantLookup lookup;
  private final CustomerRepository customers;

  public ComputeNetPromoterScore(KpiStatistics statistics, TenantLookup lookup, CustomerRepository customers) {
    this.statistics = statistics;
    this.lookup = lookup;
    this.customers = customers;
  }

  public List<Nps> compute(KpiQuery query, boolean latestPerCustomer) {
    KpiScope scope = KpiScope.resolve(query, lookup, customers);
    List<NpsCounts> counts = statistics.npsCounts(query.tenant(), scope.periods(), scope.segment(), latestPerCustomer);
    List<Nps> scores = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      scores.add(NpsRule.score(scope.periods().get(i), counts.get(i)));
    }
    return scores;
  }
}
