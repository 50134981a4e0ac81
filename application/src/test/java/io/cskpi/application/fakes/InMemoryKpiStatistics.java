package io.cskpi.application.fakes;

import io.cskpi.application.port.KpiStatistics;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.CsatSurveyCounts;
import io.cskpi.domain.kpi.ExpenseGroup;
import io.cskpi.domain.kpi.Lifecycle;
import io.cskpi.domain.kpi.LifecycleCounter;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.NpsCounts;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@link KpiStatistics} in memory, by the domain's reference rules over all the rows. */
public final class InMemoryKpiStatistics implements KpiStatistics {

  private final InMemoryData data;

  public InMemoryKpiStatistics(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized List<LifecycleSummary> lifecycle(TenantId tenant, ChurnPolicy policy, List<Period> periods,
      Segment segment) {
    List<Lifecycle> lifecycles = policy instanceof ChurnPolicy.Inactivity inactivity
        ? purchasesOf(tenant, segment).stream().filter(p -> !p.isRefund())
            .collect(Collectors.groupingBy(Purchase::customerId,
                Collectors.mapping(Purchase::time, Collectors.toList())))
            .values().stream().map(times -> Lifecycle.fromPurchases(times, inactivity.days())).toList()
        : data.customers(tenant).values().stream()
            .filter(c -> segment.contains(c.attributes()))
            .map(c -> Lifecycle.contractual(c.acquireTime(), data.events(tenant).stream()
                .filter(e -> e.customerId().equals(c.customerId()))
                .map(InMemoryKpiStatistics::toEvent).toList()))
            .toList();
    return periods.stream().map(period -> LifecycleCounter.summarize(lifecycles, period)).toList();
  }

  private List<Purchase> purchasesOf(TenantId tenant, Segment segment) {
    return data.purchaseList(tenant).stream()
        .filter(p -> segment.contains(data.customers(tenant).get(p.customerId()).attributes())).toList();
  }

  private static Lifecycle.Event toEvent(LifecycleEvent event) {
    return new Lifecycle.Event(event.time(), event.type() == LifecycleEvent.Type.CHURNED
        ? Lifecycle.Kind.CHURNED : Lifecycle.Kind.REACTIVATED);
  }

  @Override
  public synchronized List<List<PurchaseTotals>> purchaseTotals(TenantId tenant, List<Period> periods,
      Segment segment) {
    return periods.stream().map(period -> totals(purchasesOf(tenant, segment), period)).toList();
  }

  private static List<PurchaseTotals> totals(List<Purchase> purchases, Period period) {
    Map<String, List<Purchase>> byCurrency = purchases.stream()
        .filter(p -> period.contains(p.time()))
        .collect(Collectors.groupingBy(p -> p.amount().currencyCode(), TreeMap::new, Collectors.toList()));
    return byCurrency.entrySet().stream().map(e -> new PurchaseTotals(
        new Money(e.getValue().stream().map(p -> p.amount().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add), e.getKey()),
        e.getValue().stream().filter(p -> !p.isRefund()).count(),
        e.getValue().stream().filter(p -> !p.isRefund()).map(Purchase::customerId).distinct().count())).toList();
  }

  @Override
  public synchronized List<NpsCounts> npsCounts(TenantId tenant, List<Period> periods, Segment segment,
      boolean latestPerCustomer) {
    return periods.stream().map(period -> {
      List<SurveyResponse> answered = answered(tenant, segment, period, Survey.Kind.NPS);
      if (latestPerCustomer) {
        answered = answered.stream().collect(Collectors.groupingBy(SurveyResponse::customerId,
                Collectors.maxBy(Comparator.comparing(SurveyResponse::time).thenComparing(SurveyResponse::responseId))))
            .values().stream().map(Optional::get).toList();
      }
      return NpsCounts.of(answered.stream().mapToInt(SurveyResponse::score).toArray());
    }).toList();
  }

  @Override
  public synchronized List<List<CsatSurveyCounts>> csatCounts(TenantId tenant, List<Period> periods, Segment segment) {
    return periods.stream().map(period -> answered(tenant, segment, period, Survey.Kind.CSAT).stream()
        .collect(Collectors.groupingBy(SurveyResponse::surveyId, TreeMap::new, Collectors.toList()))
        .entrySet().stream().map(e -> {
          var scale = data.surveys(tenant).get(e.getKey()).scale();
          return new CsatSurveyCounts(e.getKey(), scale, e.getValue().size(),
              e.getValue().stream().filter(r -> scale.satisfied(r.score())).count(),
              e.getValue().stream().mapToLong(SurveyResponse::score).sum());
        }).toList()).toList();
  }

  /** Responses with a score to surveys of {@code kind}, in the period, of the segment's customers. */
  private List<SurveyResponse> answered(TenantId tenant, Segment segment, Period period, Survey.Kind kind) {
    return data.responses(tenant).values().stream()
        .filter(r -> r.score() != null && period.contains(r.time()))
        .filter(r -> data.surveys(tenant).get(r.surveyId()).kind() == kind)
        .filter(r -> segment.contains(data.customers(tenant).get(r.customerId()).attributes()))
        .toList();
  }

  @Override
  public synchronized List<List<ExpenseGroup>> expenseGroups(TenantId tenant, List<Period> periods) {
    return periods.stream().map(period -> data.expenses(tenant).values().stream()
        .filter(e -> e.serviceStart().isBefore(period.dateAfter()) && !e.serviceEnd().isBefore(period.firstDate()))
        .collect(Collectors.groupingBy(
            e -> List.of(e.category(), e.amount().currencyCode(), e.serviceStart(), e.serviceEnd()),
            Collectors.reducing(BigDecimal.ZERO, e -> e.amount().amount(), BigDecimal::add)))
        .entrySet().stream().map(e -> new ExpenseGroup((String) e.getKey().get(0), (String) e.getKey().get(1),
            (LocalDate) e.getKey().get(2), (LocalDate) e.getKey().get(3), e.getValue()))
        .toList()).toList();
  }
}
