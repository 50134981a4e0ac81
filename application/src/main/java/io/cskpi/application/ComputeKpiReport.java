package io.cskpi.application;

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

  private final ComputeChurnRate churn;
  private final ComputeCustomerLifetimeValue clv;
  private final ComputeRetentionCost retentionCost;
  private final ComputeNetPromoterScore nps;
  private final ComputeCustomerSatisfaction csat;

  public ComputeKpiReport(ComputeChurnRate churn, ComputeCustomerLifetimeValue clv,
      ComputeRetentionCost retentionCost, ComputeNetPromoterScore nps, ComputeCustomerSatisfaction csat) {
    this.churn = churn;
    this.clv = clv;
    this.retentionCost = retentionCost;
    this.nps = nps;
    this.csat = csat;
  }

  public List<Report> compute(KpiQuery query, Optional<String> currencyCode) {
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
