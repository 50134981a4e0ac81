package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.ExpenseGroup;
import io.cskpi.domain.kpi.ExpenseSpreading;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.RetentionCost;
import io.cskpi.domain.kpi.RetentionCostDenominator;
import io.cskpi.domain.kpi.RetentionCostRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Customer Retention Cost of each period (spec section 3): the period's share of the retention
 * expenses, spread by days, over its retained customers, or another denominator on request.
 * Expenses belong to the whole tenant, so a segment is refused.
 */
public final class ComputeRetentionCost {

  private final KpiStatistics statistics;
  private final TenantLookup lookup;
  private final CustomerRepository customers;

  public ComputeRetentionCost(KpiStatistics statistics, TenantLookup lookup, CustomerRepository customers) {
    this.statistics = statistics;
    this.lookup = lookup;
    this.customers = customers;
  }

  public List<RetentionCost> compute(KpiQuery query, RetentionCostDenominator denominator,
      Optional<String> currencyCode) {
    currencyCode.ifPresent(Money::zero); // validates the code
    if (!query.segment().isEveryone()) {
      throw CskpiException.invalid("segment", "retention expenses belong to the whole tenant, not to a segment");
    }
    KpiScope scope = KpiScope.resolve(query, lookup, customers);
    List<List<ExpenseGroup>> groups = statistics.expenseGroups(query.tenant(), scope.periods());
    String currency = currencyCode.orElseGet(() -> onlyCurrency(groups));
    List<LifecycleSummary> lifecycles = statistics.lifecycle(query.tenant(), scope.tenant().churnPolicy(),
        scope.periods(), scope.segment());
    List<RetentionCost> costs = new ArrayList<>();
    for (int i = 0; i < scope.periods().size(); i++) {
      Period period = scope.periods().get(i);
      TreeMap<String, BigDecimal> byCategory = new TreeMap<>();
      for (ExpenseGroup group : groups.get(i)) {
        if (group.currencyCode().equals(currency)) {
          byCategory.merge(group.category(), ExpenseSpreading.shareInPeriod(group.total(), group.serviceStart(),
              group.serviceEnd(), period.firstDate(), period.dateAfter()), BigDecimal::add);
        }
      }
      costs.add(RetentionCostRule.cost(period, currency, byCategory, denominator,
          customers(lifecycles.get(i), denominator)));
    }
    return costs;
  }

  private static long customers(LifecycleSummary lifecycle, RetentionCostDenominator denominator) {
    return switch (denominator) {
      case RETAINED -> lifecycle.counts().atStart() - lifecycle.counts().churned();
      case ACTIVE_AT_START -> lifecycle.counts().atStart();
      case ACTIVE_DURING -> lifecycle.activeDuring();
    };
  }

  private static String onlyCurrency(List<List<ExpenseGroup>> groups) {
    TreeSet<String> currencies = new TreeSet<>();
    groups.forEach(period -> period.forEach(g -> currencies.add(g.currencyCode())));
    if (currencies.size() > 1) {
      throw new CskpiException(CskpiException.Kind.FAILED_PRECONDITION, "SEVERAL_CURRENCIES",
          "the expenses are in " + currencies + "; set currency_code to one of them");
    }
    return currencies.isEmpty() ? "XXX" : currencies.first();
  }
}
