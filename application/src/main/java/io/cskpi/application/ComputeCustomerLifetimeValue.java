package io.cskpi.application;

import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.ClvRule;
import io.cskpi.domain.kpi.HistoricalClv;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.util.List;
import java.util.Optional;

/**
 * CLV of a period by the HISTORICAL method (spec section 2), in one currency: the requested one,
 * or the only one the period's purchases have. Currencies are never added together.
 */
public final class ComputeCustomerLifetimeValue {

  private final KpiStatistics statistics;
  private final TenantLookup lookup;

  public ComputeCustomerLifetimeValue(KpiStatistics statistics, TenantLookup lookup) {
    this.statistics = statistics;
    this.lookup = lookup;
  }

  public HistoricalClv compute(TenantId tenantId, PeriodQuery query, Optional<String> currencyCode) {
    currencyCode.ifPresent(Money::zero); // validates the code
    Tenant tenant = lookup.require(tenantId);
    Period period = query.resolve(tenant.timeZone());
    List<PurchaseTotals> byCurrency = statistics.purchaseTotals(tenantId, period);
    PurchaseTotals totals = currencyCode
        .map(code -> byCurrency.stream().filter(t -> t.revenue().currencyCode().equals(code))
            .findFirst().orElse(PurchaseTotals.none(code)))
        .orElseGet(() -> onlyCurrency(byCurrency));
    return ClvRule.historical(period, totals, statistics.lifecycle(tenantId, tenant.churnPolicy(), period));
  }

  private static PurchaseTotals onlyCurrency(List<PurchaseTotals> byCurrency) {
    if (byCurrency.size() > 1) {
      throw new CskpiException(CskpiException.Kind.FAILED_PRECONDITION, "SEVERAL_CURRENCIES",
          "the period has purchases in " + byCurrency.stream().map(t -> t.revenue().currencyCode()).toList()
              + "; set currency_code to one of them");
    }
    return byCurrency.isEmpty() ? PurchaseTotals.none("XXX") : byCurrency.get(0);
  }
}
