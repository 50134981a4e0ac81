package io.cskpi.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.application.UseCases;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.CalendarUnit;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Customer;
import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.LifecycleEvent.Type;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.RetentionExpense;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.ChurnCounts;
import io.cskpi.domain.kpi.CsatScale;
import io.cskpi.domain.kpi.CsatSurveyCounts;
import io.cskpi.domain.kpi.LifecycleSummary;
import io.cskpi.domain.kpi.LifespanStats;
import io.cskpi.domain.kpi.NpsCounts;
import io.cskpi.domain.kpi.PurchaseTotals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every store must have, run against the in-memory fakes and against MySQL.
 * Each test works in a fresh tenant.
 */
public abstract class StoreContract {

  private static final Instant BEFORE = Instant.parse("2024-06-01T00:00:00Z");
  private static final Period MARCH = Period.calendar(CalendarUnit.MONTH,
      LocalDate.parse("2025-03-01"), ZoneOffset.UTC);

  protected UseCases.Ports ports;
  protected TenantId tenant;

  /** A store with the schema in place; tests isolate themselves by tenant. */
  protected abstract UseCases.Ports ports();

  @BeforeEach
  void freshTenant() {
    ports = ports();
    tenant = new TenantId("t-" + UUID.randomUUID().toString().substring(0, 12));
    ports.tenants().create(new Tenant(tenant, "Test", ZoneOffset.UTC, null, Instant.parse("2025-01-01T00:00:00Z")));
  }

  private LifecycleSummary lifecycle(TenantId tenant, ChurnPolicy policy, Period period) {
    return ports.statistics().lifecycle(tenant, policy, List.of(period), Segment.everyone()).get(0);
  }

  private List<PurchaseTotals> totalsList(TenantId tenant, Period period) {
    return ports.statistics().purchaseTotals(tenant, List.of(period), Segment.everyone()).get(0);
  }

  private PurchaseTotals totals(TenantId tenant, Period period) {
    List<PurchaseTotals> totals = totalsList(tenant, period);
    assertThat(totals).hasSize(1);
    return totals.get(0);
  }

  private static Instant march(int day) {
    return Instant.parse(String.format("2025-03-%02dT12:00:00Z", day));
  }

  private static Instant day(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Customer customer(String id, Instant acquired) {
    return new Customer(id, acquired, Map.of(), Instant.parse("2025-01-01T00:00:00Z"));
  }

  private static Purchase purchase(String order, String customer, Instant time, String amount) {
    return new Purchase(order, customer, time, Money.parse(amount, "USD"));
  }

  @Test
  void tenantsAreCreatedFoundAndUpdatedAndNotCreatedTwice() {
    Tenant stored = ports.tenants().find(tenant).orElseThrow();
    assertThat(stored.churnPolicy()).isEqualTo(new ChurnPolicy.LifecycleEvents());

    ports.tenants().update(new Tenant(tenant, "Renamed", ZoneId.of("Asia/Shanghai"),
        new ChurnPolicy.Inactivity(90), stored.createTime()));

    Tenant updated = ports.tenants().find(tenant).orElseThrow();
    assertThat(updated.displayName()).isEqualTo("Renamed");
    assertThat(updated.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(updated.churnPolicy()).isEqualTo(new ChurnPolicy.Inactivity(90));
    assertThat(updated.createTime()).isEqualTo(stored.createTime());
    assertThat(ports.tenants().find(new TenantId("no-such-tenant-" + tenant.value()))).isEmpty();
    assertThatThrownBy(() -> ports.tenants().create(stored)).isInstanceOfSatisfying(CskpiException.class,
        e -> assertThat(e.kind()).isEqualTo(CskpiException.Kind.ALREADY_EXISTS));
  }

  @Test
  void workedExampleOfTheSpecFromStoredEvents() {
    // 100 active at start; 12 churn during the period, of whom 1 was acquired during the period
    // and 1 reactivated before the end: C = 10
    List<Customer> customers = new ArrayList<>();
    List<LifecycleEvent> events = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      customers.add(customer("c" + i, BEFORE));
    }
    customers.add(customer("new", march(3)));
    for (int i = 0; i < 11; i++) {
      events.add(new LifecycleEvent("c" + i, Type.CHURNED, march(2 + i)));
    }
    events.add(new LifecycleEvent("c0", Type.REACTIVATED, march(20)));
    events.add(new LifecycleEvent("new", Type.CHURNED, march(15)));
    ports.customers().upsert(tenant, customers);
    ports.customers().recordEvents(tenant, events);

    LifecycleSummary summary = lifecycle(tenant, new ChurnPolicy.LifecycleEvents(), MARCH);

    assertThat(summary.counts()).isEqualTo(new ChurnCounts(100, 10, 1, 1, 1, 90));
    // lifespans at the end: ten from BEFORE to their churn, one from March 3 to March 15
    long expected = IntStream.range(1, 11).mapToLong(i -> march(2 + i).getEpochSecond() - BEFORE.getEpochSecond()).sum()
        + (march(15).getEpochSecond() - march(3).getEpochSecond());
    assertThat(summary.lifespansAtEnd()).isEqualTo(new LifespanStats(11, expected));
  }

  @Test
  void inactivityRuleFromStoredPurchases() {
    // N = 90: purchases on Jan 10 and May 20 give churn on Apr 10 and reactivation on May 20
    ports.customers().upsert(tenant, List.of(customer("a", null), customer("b", null), customer("c", null)));
    ports.purchases().record(tenant, List.of(
        purchase("o1", "a", day("2025-01-10"), "10.00"),
        purchase("o2", "a", day("2025-05-20"), "10.00"),
        purchase("o3", "b", day("2025-01-10"), "10.00"),
        purchase("o4", "b", day("2025-04-10"), "10.00"), // exactly at the churn instant: within
        purchase("o5", "c", day("2025-04-10"), "10.00"),
        purchase("o6", "c", day("2025-04-10"), "20.00")));
    ChurnPolicy policy = new ChurnPolicy.Inactivity(90);

    Period april = Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2025-04-01"), ZoneOffset.UTC);
    Period may = Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2025-05-01"), ZoneOffset.UTC);
    Period july = Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2025-07-01"), ZoneOffset.UTC);

    assertThat(lifecycle(tenant, policy, april).counts())
        .isEqualTo(new ChurnCounts(2, 1, 1, 0, 0, 2));
    assertThat(lifecycle(tenant, policy, may).counts())
        .isEqualTo(new ChurnCounts(2, 0, 0, 1, 0, 3));
    LifecycleSummary julySummary = lifecycle(tenant, policy, july);
    assertThat(julySummary.counts()).isEqualTo(new ChurnCounts(3, 2, 0, 0, 0, 1));
    // b: Jan 10 to Jul 9 (180 days); c: Apr 10 to Jul 9 (90 days)
    assertThat(julySummary.lifespansAtEnd()).isEqualTo(new LifespanStats(2, (180L + 90) * 86_400));
  }

  @Test
  void purchasesArrivingOutOfOrderGiveTheLifecycleOfOneBatch() {
    // a: Jan 10, May 20, Jun 1 and Oct 1 sent newest first, one batch each; b: the same in one batch;
    // c: the same oldest first, one batch each.
    // N = 90: both are reactivated on May 20 (130 days after Jan 10) and Oct 1 (122 after Jun 1).
    ports.customers().upsert(tenant, List.of(
        new Customer("a", null, Map.of("who", "a"), Instant.parse("2025-01-01T00:00:00Z")),
        new Customer("b", null, Map.of("who", "b"), Instant.parse("2025-01-01T00:00:00Z")),
        new Customer("c", null, Map.of("who", "c"), Instant.parse("2025-01-01T00:00:00Z"))));
    for (String day : List.of("2025-10-01", "2025-06-01", "2025-05-20", "2025-01-10")) {
      ports.purchases().record(tenant, List.of(purchase("a-" + day, "a", day(day), "10.00")));
    }
    for (String day : List.of("2025-01-10", "2025-05-20", "2025-06-01", "2025-10-01")) {
      ports.purchases().record(tenant, List.of(purchase("c-" + day, "c", day(day), "10.00")));
    }
    ports.purchases().record(tenant, List.of(purchase("b1", "b", day("2025-01-10"), "10.00"),
        purchase("b2", "b", day("2025-05-20"), "10.00"), purchase("b3", "b", day("2025-06-01"), "10.00"),
        purchase("b4", "b", day("2025-10-01"), "10.00")));
    List<Period> months = Period.calendarSeries(CalendarUnit.MONTH, LocalDate.parse("2025-01-01"), 12, ZoneOffset.UTC);
    ChurnPolicy policy = new ChurnPolicy.Inactivity(90);

    List<LifecycleSummary> both = ports.statistics().lifecycle(tenant, policy, months, Segment.everyone());
    List<LifecycleSummary> onlyA = ports.statistics().lifecycle(tenant, policy, months, new Segment(List.of(new Segment.AttributeFilter("who", Set.of("a")))));
    List<LifecycleSummary> onlyB = ports.statistics().lifecycle(tenant, policy, months, new Segment(List.of(new Segment.AttributeFilter("who", Set.of("b")))));

    List<LifecycleSummary> onlyC = ports.statistics().lifecycle(tenant, policy, months,
        new Segment(List.of(new Segment.AttributeFilter("who", Set.of("c")))));

    assertThat(onlyA).isEqualTo(onlyB);
    assertThat(onlyC).isEqualTo(onlyB);
    assertThat(both.get(4).counts().reactivations()).as("May").isEqualTo(3);
    assertThat(both.get(9).counts().reactivations()).as("October").isEqualTo(3);
    assertThat(both.stream().mapToLong(s -> s.counts().reactivations()).sum()).isEqualTo(6);
  }

  @Test
  void purchaseTotalsAreExactAndPerCurrency() {
    ports.customers().upsert(tenant, List.of(customer("a", null), customer("b", null)));
    List<String> amounts = List.of("10.00", "10.10", "69.00", "250.00", "20.55");
    List<Purchase> batch = new ArrayList<>();
    for (int i = 0; i < amounts.size(); i++) {
      batch.add(purchase("o" + i, i % 2 == 0 ? "a" : "b", march(1 + i), amounts.get(i)));
    }
    batch.add(new Purchase("eur", "a", march(9), Money.parse("5.0050", "EUR")));
    batch.add(purchase("april", "a", Instant.parse("2025-04-01T00:00:00Z"), "1000.00"));
    ports.purchases().record(tenant, batch);

    List<PurchaseTotals> totals = totalsList(tenant, MARCH);

    assertThat(totals).hasSize(2);
    PurchaseTotals eur = totals.stream().filter(t -> t.revenue().currencyCode().equals("EUR")).findFirst().orElseThrow();
    PurchaseTotals usd = totals.stream().filter(t -> t.revenue().currencyCode().equals("USD")).findFirst().orElseThrow();
    assertThat(usd.revenue().amount()).isEqualByComparingTo("359.65");
    assertThat(usd.purchases()).isEqualTo(5);
    assertThat(usd.purchasingCustomers()).isEqualTo(2);
    assertThat(eur.revenue().amount()).isEqualByComparingTo("5.005");
  }

  @Test
  void aRetriedBatchStoresNothingTwice() {
    ports.customers().upsert(tenant, List.of(customer("a", null)));
    List<Purchase> batch = IntStream.range(0, 1000)
        .mapToObj(i -> purchase("o" + i, "a", march(1).plusSeconds(i), "1.00")).toList();

    RecordOutcome first = ports.purchases().record(tenant, batch);
    RecordOutcome second = ports.purchases().record(tenant, batch);

    assertThat(first).isEqualTo(new RecordOutcome(1000, 0));
    assertThat(second).isEqualTo(new RecordOutcome(0, 1000));
    assertThat(totals(tenant, MARCH).purchases()).isEqualTo(1000);
  }

  @Test
  void aConflictingOrderIdStoresNothingOfTheBatch() {
    ports.customers().upsert(tenant, List.of(customer("a", null)));
    ports.purchases().record(tenant, List.of(purchase("o1", "a", march(1), "10.00")));

    assertThatThrownBy(() -> ports.purchases().record(tenant, List.of(
        purchase("o2", "a", march(2), "10.00"), purchase("o1", "a", march(1), "99.00"))))
        .isInstanceOfSatisfying(CskpiException.class, e -> {
          assertThat(e.kind()).isEqualTo(CskpiException.Kind.ALREADY_EXISTS);
          assertThat(e.violations()).extracting(v -> v.field()).containsExactly("purchases[1].order_id");
        });
    assertThat(ports.purchases().list(tenant, Optional.empty(), PageRequest.of(0, "")).items())
        .extracting(Purchase::orderId).containsExactly("o1");
  }

  @Test
  void sameEventsTwiceAreStoredOnce() {
    ports.customers().upsert(tenant, List.of(customer("a", BEFORE)));
    List<LifecycleEvent> events = List.of(new LifecycleEvent("a", Type.CHURNED, march(2)),
        new LifecycleEvent("a", Type.REACTIVATED, march(5)));

    assertThat(ports.customers().recordEvents(tenant, events)).isEqualTo(new RecordOutcome(2, 0));
    assertThat(ports.customers().recordEvents(tenant, events)).isEqualTo(new RecordOutcome(0, 2));
  }

  @Test
  void upsertReplacesAttributesAndCountsCreatedAndUpdated() {
    assertThat(ports.customers().upsert(tenant, List.of(
        new Customer("a", BEFORE, Map.of("plan", "pro", "country", "ES"), BEFORE))).created()).isEqualTo(1);

    var outcome = ports.customers().upsert(tenant, List.of(
        new Customer("a", BEFORE, Map.of("plan", "basic"), BEFORE), customer("b", null)));

    assertThat(outcome.created()).isEqualTo(1);
    assertThat(outcome.updated()).isEqualTo(1);
    Map<String, Customer> found = ports.customers().findAll(tenant, List.of("a", "b", "zz"));
    assertThat(found).containsOnlyKeys("a", "b");
    assertThat(found.get("a").attributes()).isEqualTo(Map.of("plan", "basic"));
    assertThat(found.get("b").acquireTime()).isNull();
  }

  @Test
  void idsAreCaseSensitiveAndKeepAnyScript() {
    ports.customers().upsert(tenant, List.of(customer("Ana", null), customer("ana", null),
        customer("José 😀", null)));

    assertThat(ports.customers().findAll(tenant, List.of("Ana", "ana", "José 😀"))).hasSize(3);
  }

  @Test
  void pagesCoverEveryCustomerOnceInIdOrder() {
    List<Customer> all = IntStream.range(0, 250).mapToObj(i -> customer(String.format("c%03d", i), null)).toList();
    ports.customers().upsert(tenant, all);

    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      Page<Customer> page = ports.customers().list(tenant, PageRequest.of(100, token));
      page.items().forEach(c -> seen.add(c.customerId()));
      token = page.nextToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(all.stream().map(Customer::customerId).toList());
  }

  @Test
  void purchasePagesCoverEveryPurchaseOnceInTimeOrder() {
    ports.customers().upsert(tenant, List.of(customer("a", null), customer("b", null)));
    List<Purchase> batch = IntStream.range(0, 25)
        .mapToObj(i -> purchase("o" + i, i % 2 == 0 ? "a" : "b", march(1 + (i % 5)), "1.00")).toList();
    ports.purchases().record(tenant, batch);

    List<String> seen = new ArrayList<>();
    String token = "";
    do {
      Page<Purchase> page = ports.purchases().list(tenant, Optional.of("a"), PageRequest.of(4, token));
      page.items().forEach(p -> seen.add(p.orderId()));
      token = page.nextToken();
    } while (!token.isEmpty());

    assertThat(seen).hasSize(13).doesNotHaveDuplicates();
  }

  @Test
  void aSeriesInOneCallEqualsItsPeriodsOneByOne() {
    ports.customers().upsert(tenant, List.of(customer("a", null), customer("b", null)));
    ports.purchases().record(tenant, List.of(
        purchase("o1", "a", day("2025-01-10"), "10.00"), purchase("o2", "a", day("2025-05-20"), "12.50"),
        purchase("o3", "b", day("2025-02-28"), "7.00"), purchase("o4", "b", day("2025-03-01"), "1.00")));
    ChurnPolicy policy = new ChurnPolicy.Inactivity(30);
    List<Period> months = Period.calendarSeries(CalendarUnit.MONTH, LocalDate.parse("2025-01-01"), 8, ZoneOffset.UTC);

    List<LifecycleSummary> series = ports.statistics().lifecycle(tenant, policy, months, Segment.everyone());
    List<List<PurchaseTotals>> totals = ports.statistics().purchaseTotals(tenant, months, Segment.everyone());

    assertThat(series).hasSize(8);
    for (int i = 0; i < months.size(); i++) {
      assertThat(series.get(i)).as(months.get(i).label()).isEqualTo(lifecycle(tenant, policy, months.get(i)));
      assertThat(totals.get(i)).as(months.get(i).label()).isEqualTo(totalsList(tenant, months.get(i)));
    }
    assertThat(series.get(2).counts()).as("March: b active at its start, churned on March 31")
        .isEqualTo(new ChurnCounts(1, 1, 0, 0, 0, 0));
    assertThat(series.get(4).counts().reactivations()).isEqualTo(1);
  }

  @Test
  void aSegmentKeepsOnlyItsCustomers() {
    ports.customers().upsert(tenant, List.of(
        new Customer("es-pro", BEFORE, Map.of("country", "ES", "plan", "pro"), BEFORE),
        new Customer("es-basic", BEFORE, Map.of("country", "ES", "plan", "basic"), BEFORE),
        new Customer("pt-pro", BEFORE, Map.of("country", "PT", "plan", "pro"), BEFORE),
        new Customer("none", BEFORE, Map.of(), BEFORE)));
    ports.customers().recordEvents(tenant, List.of(new LifecycleEvent("es-pro", Type.CHURNED, march(3))));
    ports.purchases().record(tenant, List.of(purchase("o1", "es-pro", march(1), "10.00"),
        purchase("o2", "es-basic", march(2), "20.00"), purchase("o3", "pt-pro", march(2), "40.00")));
    Segment esOrPtPro = new Segment(List.of(new Segment.AttributeFilter("country", Set.of("ES", "PT")),
        new Segment.AttributeFilter("plan", Set.of("pro"))));

    LifecycleSummary summary = ports.statistics()
        .lifecycle(tenant, new ChurnPolicy.LifecycleEvents(), List.of(MARCH), esOrPtPro).get(0);
    PurchaseTotals totals = ports.statistics().purchaseTotals(tenant, List.of(MARCH), esOrPtPro).get(0).get(0);

    assertThat(summary.counts()).isEqualTo(new ChurnCounts(2, 1, 0, 0, 0, 1));
    assertThat(totals.revenue().amount()).isEqualByComparingTo("50.00");
    assertThat(totals.purchasingCustomers()).isEqualTo(2);
    assertThat(ports.customers().knownAttributeKeys(tenant, List.of("country", "plan", "industry")))
        .containsExactlyInAnyOrder("country", "plan");
  }

  private static SurveyResponse answer(String id, String survey, String customer, Instant time, Integer score) {
    return new SurveyResponse(id, survey, customer, time, score, null, null);
  }

  private void npsAndCsatSurveys() {
    ports.surveys().create(tenant, new Survey("nps", Survey.Kind.NPS, null, "NPS", BEFORE));
    ports.surveys().create(tenant, new Survey("csat5", Survey.Kind.CSAT, CsatScale.defaultFor(1, 5), "", BEFORE));
    ports.surveys().create(tenant, new Survey("csat10", Survey.Kind.CSAT, new CsatScale(1, 10, 6), "", BEFORE));
  }

  @Test
  void surveysAreCreatedOnceAndARetryReturnsThem() {
    npsAndCsatSurveys();

    Survey again = ports.surveys().create(tenant, new Survey("csat10", Survey.Kind.CSAT, new CsatScale(1, 10, 6), "",
        Instant.parse("2030-01-01T00:00:00Z")));

    assertThat(again.createTime()).isEqualTo(BEFORE);
    assertThatThrownBy(() -> ports.surveys().create(tenant,
        new Survey("csat10", Survey.Kind.CSAT, new CsatScale(1, 10, 7), "", BEFORE)))
        .isInstanceOfSatisfying(CskpiException.class, e -> assertThat(e.kind()).isEqualTo(CskpiException.Kind.ALREADY_EXISTS));
    assertThat(ports.surveys().findAll(tenant, List.of("nps", "csat5", "zz"))).containsOnlyKeys("nps", "csat5");
    assertThat(ports.surveys().findAll(tenant, List.of("nps")).get("nps").scale()).isEqualTo(Survey.NPS_SCALE);
    Page<Survey> first = ports.surveys().list(tenant, PageRequest.of(2, ""));
    assertThat(first.items()).extracting(Survey::surveyId).containsExactly("csat10", "csat5");
    assertThat(ports.surveys().list(tenant, PageRequest.of(2, first.nextToken())).items())
        .extracting(Survey::surveyId).containsExactly("nps");
  }

  @Test
  void npsCountsEveryResponseOrEachCustomersLatest() {
    npsAndCsatSurveys();
    ports.customers().upsert(tenant, List.of(customer("a", BEFORE), customer("b", BEFORE)));
    List<SurveyResponse> responses = new ArrayList<>();
    for (int score = 1; score <= 10; score++) {
      responses.add(answer("r" + score, "nps", "a", march(score), score));
    }
    responses.add(answer("b-early", "nps", "b", march(1), 0));
    responses.add(answer("b-late", "nps", "b", march(20), 9));
    responses.add(answer("b-blank", "nps", "b", march(21), null));
    responses.add(answer("b-april", "nps", "b", Instant.parse("2025-04-01T00:00:00Z"), 10));
    responses.add(answer("c5", "csat5", "b", march(2), 5));
    ports.surveys().recordResponses(tenant, responses, Map.of());

    NpsCounts all = ports.statistics().npsCounts(tenant, List.of(MARCH), Segment.everyone(), false).get(0);
    NpsCounts latest = ports.statistics().npsCounts(tenant, List.of(MARCH), Segment.everyone(), true).get(0);

    assertThat(all).isEqualTo(NpsCounts.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10));
    assertThat(latest).isEqualTo(NpsCounts.of(10, 9));
  }

  @Test
  void csatCountsEachSurveyAgainstItsOwnThreshold() {
    npsAndCsatSurveys();
    ports.customers().upsert(tenant, List.of(
        new Customer("es", BEFORE, Map.of("country", "ES"), BEFORE), customer("other", BEFORE)));
    List<SurveyResponse> responses = new ArrayList<>();
    int[] fivePoint = {5, 5, 4, 4, 4, 3, 2, 1};
    for (int i = 0; i < fivePoint.length; i++) {
      responses.add(answer("five-" + i, "csat5", "es", march(1 + i), fivePoint[i]));
    }
    responses.add(answer("five-blank", "csat5", "es", march(10), null));
    responses.add(answer("ten-6", "csat10", "other", march(3), 6));
    responses.add(answer("ten-5", "csat10", "other", march(3), 5));
    ports.surveys().recordResponses(tenant, responses, Map.of());

    List<CsatSurveyCounts> counts = ports.statistics().csatCounts(tenant, List.of(MARCH), Segment.everyone()).get(0);
    List<CsatSurveyCounts> spanish = ports.statistics().csatCounts(tenant, List.of(MARCH),
        new Segment(List.of(new Segment.AttributeFilter("country", Set.of("ES"))))).get(0);

    assertThat(counts).containsExactly(
        new CsatSurveyCounts("csat10", new CsatScale(1, 10, 6), 2, 1, 11),
        new CsatSurveyCounts("csat5", CsatScale.defaultFor(1, 5), 8, 5, 28));
    assertThat(spanish).containsExactly(new CsatSurveyCounts("csat5", CsatScale.defaultFor(1, 5), 8, 5, 28));
  }

  @Test
  void responsesAreIdempotentKeepTheirTextAndConflictsStoreNothing() {
    npsAndCsatSurveys();
    ports.customers().upsert(tenant, List.of(customer("a", BEFORE)));
    SurveyResponse withText = new SurveyResponse("r1", "nps", "a", march(2), 9,
        "Support was great \uD83D\uDC4D\uD83C\uDFFD \u2014 merci", "en");
    SurveyResponse unanswered = new SurveyResponse("r4", "nps", "a", march(3), null, "No score", null);
    List<SurveyResponse> batch = List.of(withText, answer("r2", "nps", "a", march(3), 3), unanswered);

    assertThat(ports.surveys().recordResponses(tenant, batch, Map.of())).isEqualTo(new RecordOutcome(3, 0));
    assertThat(ports.surveys().recordResponses(tenant, batch, Map.of()))
        .as("the text read back is identical, a missing score stays missing").isEqualTo(new RecordOutcome(0, 3));
    assertThatThrownBy(() -> ports.surveys().recordResponses(tenant, List.of(answer("r3", "nps", "a", march(4), 1),
        new SurveyResponse("r1", "nps", "a", march(2), 9, "Support was great", "en")), Map.of()))
        .isInstanceOfSatisfying(CskpiException.class, e -> {
          assertThat(e.kind()).isEqualTo(CskpiException.Kind.ALREADY_EXISTS);
          assertThat(e.violations()).extracting(v -> v.field()).containsExactly("responses[1].response_id");
        });
    assertThat(ports.statistics().npsCounts(tenant, List.of(MARCH), Segment.everyone(), false).get(0).responses())
        .isEqualTo(2);
  }

  private static RetentionExpense expense(String id, String amount, String currency, String category, String start,
      String end) {
    return new RetentionExpense(id, Money.parse(amount, currency), category, LocalDate.parse(start), LocalDate.parse(end));
  }

  private List<String> expenseGroups(Period period) {
    return ports.statistics().expenseGroups(tenant, List.of(period)).get(0).stream()
        .map(g -> g.category() + " " + g.currencyCode() + " " + g.serviceStart() + ".." + g.serviceEnd() + " "
            + g.total().stripTrailingZeros().toPlainString())
        .sorted().toList();
  }

  @Test
  void expensesOverlappingAPeriodAreSummedPerCategoryCurrencyAndInterval() {
    List<RetentionExpense> batch = List.of(
        expense("q1", "9000.00", "EUR", "support", "2025-01-01", "2025-03-31"),
        expense("q1-bis", "1000.00", "EUR", "support", "2025-01-01", "2025-03-31"),
        expense("jan-tools", "120.50", "EUR", "tools", "2025-01-15", "2025-01-15"),
        expense("jan-usd", "99.00", "USD", "tools", "2025-01-31", "2025-02-01"),
        expense("april", "5.00", "EUR", "tools", "2025-04-01", "2025-04-30"));

    assertThat(ports.expenses().record(tenant, batch)).isEqualTo(new RecordOutcome(5, 0));
    assertThat(ports.expenses().record(tenant, batch)).isEqualTo(new RecordOutcome(0, 5));

    Period january = Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2025-01-01"), ZoneOffset.UTC);
    Period february = Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2025-02-01"), ZoneOffset.UTC);
    assertThat(expenseGroups(january)).containsExactly("support EUR 2025-01-01..2025-03-31 10000",
        "tools EUR 2025-01-15..2025-01-15 120.5", "tools USD 2025-01-31..2025-02-01 99");
    assertThat(expenseGroups(february)).containsExactly("support EUR 2025-01-01..2025-03-31 10000",
        "tools USD 2025-01-31..2025-02-01 99");
    assertThatThrownBy(() -> ports.expenses().record(tenant, List.of(
        expense("new", "1.00", "EUR", "tools", "2025-05-01", "2025-05-01"),
        expense("q1", "9000.01", "EUR", "support", "2025-01-01", "2025-03-31"))))
        .isInstanceOfSatisfying(CskpiException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
            .containsExactly("expenses[1].expense_id"));
    assertThat(expenseGroups(Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2025-05-01"), ZoneOffset.UTC)))
        .as("nothing of the refused batch").isEmpty();
  }

  @Test
  void refundsCountInRevenueButNotAsPurchasesNorAsActivity() {
    ports.customers().upsert(tenant, List.of(customer("a", null)));
    ports.purchases().record(tenant, List.of(purchase("o1", "a", day("2025-01-10"), "100.00"),
        new Purchase("r1", "a", day("2025-03-05"), Money.parse("-30.00", "USD"), "o1")));
    ports.purchases().record(tenant, List.of(new Purchase("r2", "a", day("2025-03-06"), Money.parse("-20.00", "USD"), "o1")));

    var refundable = ports.purchases().refundable(tenant, List.of("o1", "zz"), List.of("r2"));
    PurchaseTotals march = totals(tenant, MARCH);
    LifecycleSummary marchLifecycle = lifecycle(tenant, new ChurnPolicy.Inactivity(30), MARCH);

    assertThat(refundable).containsOnlyKeys("o1");
    assertThat(refundable.get("o1").refunded()).as("r2 excluded").isEqualByComparingTo("-30.00");
    assertThat(march.revenue().amount()).isEqualByComparingTo("-50.00");
    assertThat(march.purchases()).isZero();
    assertThat(march.purchasingCustomers()).isZero();
    assertThat(marchLifecycle.counts().reactivations()).as("a refund is not a purchase").isZero();
    assertThat(ports.purchases().list(tenant, Optional.empty(), PageRequest.of(0, "")).items())
        .extracting(Purchase::refundedOrderId).containsExactly(null, "o1", "o1");
  }

  @Test
  void aTokenNoListReturnedIsRefused() {
    assertThatThrownBy(() -> ports.customers().list(tenant, PageRequest.of(10, "nonsense")))
        .isInstanceOfSatisfying(CskpiException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field()).containsExactly("page_token"));
    assertThatThrownBy(() -> ports.purchases().list(tenant, Optional.empty(), PageRequest.of(10, "nonsense")))
        .isInstanceOfSatisfying(CskpiException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field()).containsExactly("page_token"));
  }

  @ParameterizedTest(name = "times read back identical with the JVM in {0}")
  @ValueSource(strings = {"America/Chicago", "Asia/Shanghai"})
  void timesDoNotMoveWithTheJvmZone(String zone) {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      Instant time = Instant.parse("2024-03-31T16:30:00Z");
      ports.customers().upsert(tenant, List.of(customer("a", time)));
      ports.purchases().record(tenant, List.of(purchase("o1", "a", time, "1.00")));

      assertThat(ports.customers().findAll(tenant, List.of("a")).get("a").acquireTime()).isEqualTo(time);
      assertThat(ports.purchases().list(tenant, Optional.empty(), PageRequest.of(0, "")).items().get(0).time())
          .isEqualTo(time);
      Period aprilInShanghai = Period.calendar(CalendarUnit.MONTH,
          LocalDate.parse("2024-04-01"), ZoneId.of("Asia/Shanghai"));
      assertThat(totalsList(tenant, aprilInShanghai)).hasSize(1);
      Instant precise = Instant.parse("2024-03-31T16:30:00.123456Z");
      ports.purchases().record(tenant, List.of(purchase("o2", "a", precise, "1.00")));
      assertThat(ports.purchases().list(tenant, Optional.empty(), PageRequest.of(0, "")).items().get(1).time())
          .as("microseconds are kept").isEqualTo(precise);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void nothingCrossesTenants() {
    TenantId other = new TenantId(tenant.value() + "-other");
    ports.tenants().create(new Tenant(other, "", ZoneOffset.UTC, null, BEFORE));
    ports.customers().upsert(tenant, List.of(customer("a", BEFORE)));
    ports.purchases().record(tenant, List.of(purchase("o1", "a", march(1), "1.00")));
    ports.customers().upsert(other, List.of(customer("a", BEFORE)));

    assertThat(ports.purchases().record(other, List.of(purchase("o1", "a", march(2), "2.00"))))
        .isEqualTo(new RecordOutcome(1, 0));
    assertThat(totals(other, MARCH).revenue().amount()).isEqualByComparingTo("2");
    assertThat(lifecycle(other, new ChurnPolicy.LifecycleEvents(), MARCH).counts().atStart())
        .isEqualTo(1);
  }
}
