package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.CalendarUnit;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.ArpaChurnClv;
import io.cskpi.domain.kpi.ArpaChurnRule;
import io.cskpi.domain.kpi.ClvRule;
import io.cskpi.domain.kpi.HistoricalClv;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.MonthFigures;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * CLV of each period (spec section 2) by the HISTORICAL or the ARPA_CHURN method, in one currency: the requested
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

  /**
   * CLV of each period by the ARPA_CHURN method: average monthly revenue per active customer over
   * the average monthly churn rate of the same months. Each period must be whole calendar
   * months: a month, a quarter or a year.
   */
  public List<ArpaChurnClv> computeArpaChurn(KpiQuery query, Optional<String> currencyCode) {
    currencyCode.ifPresent(Money::zero); // validates the code
    int monthsPerPeriod = query.period() instanceof PeriodQuery.Calendar calendar ? switch (calendar.unit()) {
      case MONTH -> 1;
      case QUARTER -> 3;
      case YEAR -> 12;
      default -> 0;
    } : 0;
    if (monthsPerPeriod == 0) {
      throw CskpiException.invalid("period", "the ARPA_CHURN method needs calendar months, quarters or years");
    }
    KpiScope scope = KpiScope.resolve(query, lookup, customers);
    Period first = scope.periods().get(0);
    List<Period> months = Period.calendarSeries(CalendarUnit.MONTH, first.firstDate(),
        monthsPerPeriod * scope.periods().size(), first.zone());
    List<List<PurchaseTotals>> totals = statistics.purchaseTotals(query.tenant(), months, scope.segment());
    String currency = currencyCode.orElseGet(() -> onlyCurrency(totals));
    List<LifecycleSummary> lifecycles = statistics.lifecycle(query.tenant(), scope.tenant().churnPolicy(), months,
        scope.segment());
    List<MonthFigures> figures = new ArrayList<>();
    for (int m = 0; m < months.size(); m++) {
      BigDecimal revenue = totals.get(m).stream().filter(t -> t.revenue().currencyCode().equals(currency))
          .map(t -> t.revenue().amount()).findFirst().orElse(BigDecimal.ZERO);
      var counts = lifecycles.get(m).counts();
      figures.add(new MonthFigures(months.get(m).label(), revenue, lifecycles.get(m).activeDuring(),
          counts.atStart(), counts.churned()));
    }
    List<ArpaChurnClv> values = new ArrayList<>();
    for (int i = 0; i < scope.periods().size(); i++) {
      values.add(ArpaChurnRule.clv(scope.periods().get(i), currency,
          figures.subList(i * monthsPerPeriod, (i + 1) * monthsPerPeriod)));
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
