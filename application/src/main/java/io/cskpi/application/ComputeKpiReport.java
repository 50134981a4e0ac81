package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.Period;
import io.cskpi.domain.kpi.ChurnRate;
import io.cskpi.domain.kpi.Csat;
import io.cskpi.domain.kpi.HistoricalClv;
import io.cskpi.domain.kpi.Nps;
import io.cskpi.domain.kpi.RetentionCost;
import io.cskpi.domain.kpi.RetentionCostDenominator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every formula KPI of each period in one call, for dashboards: churn, CLV (HISTORICAL), retention
 * cost (retained customers; not with a segment, as expenses belong to the whole tenant), NPS and
 * CSAT. Each KPI is one pass over its data for the whole series.
 */
public final class ComputeKpiReport {

  /** One period's KPIs. */
  public record Report(Period period, ChurnRate churnRate, HistoricalClv customerLifetimeValue,
      Optional<RetentionCost> retentionCost, Nps netPromoterScore, Csat customerSatisfaction) {}

  private final KpiStatistics statistics;
  private final TenantLookup lookup;
  private final CustomerRepository customers;

  public ComputeKpiReport(KpiStatistics statistics, TenantLookup lookup, CustomerRepository customers) {
    this.statistics = statistics;
    this.lookup = lookup;
    this.customers = customers;
  }

  /** The KPIs of each period; the lifecycle that churn, CLV and retention cost share is computed once. */
  public List<Report> compute(KpiQuery query, Optional<String> currencyCode) {
    KpiStatistics once = new LifecycleOnce(statistics);
    var churn = new ComputeChurnRate(once, lookup, customers);
    var clv = new ComputeCustomerLifetimeValue(once, lookup, customers);
    var retentionCost = new ComputeRetentionCost(once, lookup, customers);
    var nps = new ComputeNetPromoterScore(once, lookup, customers);
    var csat = new ComputeCustomerSatisfaction(once, lookup, customers);
    List<ChurnRate> churnRates = churn.compute(query);
    List<HistoricalClv> values = clv.compute(query, currencyCode);
    List<RetentionCost> costs = query.segment().isEveryone()
        ? retentionCost.compute(query, RetentionCostDenominator.RETAINED, currencyCode) : List.of();
    List<Nps> scores = nps.compute(query, false);
    List<Csat> rates = csat.compute(query);
    List<Report> reports = new ArrayList<>();
    for (int i = 0; i < churnRates.size(); i++) {
      reports.add(new Report(churnRates.get(i).period(), churnRates.get(i), values.get(i),
          costs.isEmpty() ? Optional.empty() : Optional.of(costs.get(i)), scores.get(i), rates.get(i)));
    }
    return reports;
  }
}
