package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.Money;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.ClvRule;
import io.cskpi.domain.kpi.HistoricalClv;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * CLV of each period by the HISTORICAL method (spec section 2), in one currency: the requested
 * one, or the only one the purchases of the series have. Currencies are never added together.
 */
public final class ComputeCustomerLifetimeValue {

  private final KpiStatistics statistics;
  private final TenantLookup lookup;
  private final CustomerRepository customers;

  public ComputeCustomerLifetimeValue(KpiStatistics statistics, TenantLookup lookup, CustomerRepository customers) {
    this.statistics = statistics;
    this.lookup = lookup;
    this.customers = customers;
  }

  public List<HistoricalClv> compute(KpiQuery query, Optional<String> currencyCode) {
    currencyCode.ifPresent(Money::zero); // validates the code
    KpiScope scope = KpiScope.resolve(query, lookup, customers);
    List<List<PurchaseTotals>> totals = statistics.purchaseTotals(query.tenant(), scope.periods(), scope.segment());
    String currency = currencyCode.orElseGet(() -> onlyCurrency(totals));
    List<LifecycleSummary> lifecycles = statistics.lifecycle(query.tenant(), scope.tenant().churnPolicy(),
        scope.periods(), scope.segment());
    List<HistoricalClv> values = new ArrayList<>();
    for (int i = 0; i < scope.periods().size(); i++) {
      PurchaseTotals inCurrency = totals.get(i).stream()
          .filter(t -> t.revenue().currencyCode().equals(currency)).findFirst()
          .orElse(PurchaseTotals.none(currency));
      values.add(ClvRule.historical(scope.periods().get(i), inCurrency, lifecycles.get(i)));
    }
    return values;
  }

  /** The one currency of the purchases ("XXX", no currency, when there are none). */
  static String onlyCurrency(List<List<PurchaseTotals>> totals) {
    TreeSet<String> currencies = new TreeSet<>();
    totals.forEach(period -> period.forEach(t -> currencies.add(t.revenue().currencyCode())));
    if (currencies.size() > 1) {
      throw new CskpiException(CskpiException.Kind.FAILED_PRECONDITION, "SEVERAL_CURRENCIES",
          "the purchases are in " + currencies + "; set currency_code to one of them");
    }
    return currencies.isEmpty() ? "XXX" : currencies.first();
  }
}
