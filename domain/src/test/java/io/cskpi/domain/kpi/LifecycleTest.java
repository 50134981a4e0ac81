package io.cskpi.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cskpi.domain.Period;
import io.cskpi.domain.kpi.Lifecycle.Event;
import io.cskpi.domain.kpi.Lifecycle.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {

  private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant END = Instant.parse("2025-04-01T00:00:00Z");
  private static final Period MARCH = Period.between(START, END, ZoneOffset.UTC);
  private static final Instant BEFORE = Instant.parse("2024-06-01T00:00:00Z");

  private static Instant march(int day) {
    return Instant.parse(String.format("2025-03-%02dT12:00:00Z", day));
  }

  private static Instant day(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Test
  void workedExampleWithEdgeCases() {
    // 100 active at start; 12 churn during the period, of whom 1 was acquired during the period
    // (so not in S) and 1 reactivated before the end. C = 10, rate 10 %.
    List<Lifecycle> customers = new ArrayList<>();
    for (int i = 0; i < 89; i++) {
      customers.add(Lifecycle.contractual(BEFORE, List.of()));
    }
    for (int i = 0; i < 10; i++) {
      customers.add(Lifecycle.contractual(BEFORE, List.of(new Event(march(2 + i), Kind.CHURNED))));
    }
    customers.add(Lifecycle.contractual(BEFORE, List.of(
        new Event(march(5), Kind.CHURNED), new Event(march(20), Kind.REACTIVATED))));
    customers.add(Lifecycle.contractual(march(3), List.of(new Event(march(15), Kind.CHURNED))));

    LifecycleSummary summary = LifecycleCounter.summarize(customers, MARCH);
    ChurnCounts counts = summary.counts();

    assertThat(counts).isEqualTo(new ChurnCounts(100, 10, 1, 1, 1, 90));
    assertThat(summary.activeDuring()).as("the 100 of S and the one acquired in March").isEqualTo(101);
    assertThat(ChurnRule.rate(MARCH, null, counts).ratePercent()).hasValue(10.0);
  }

  @Test
  void inactivityExampleOfTheSpec() {
    // N = 90, purchases on Jan 10 and May 20 (not a leap year): churn on Apr 10, reactivation May 20
    Lifecycle lifecycle = Lifecycle.fromPurchases(List.of(day("2025-01-10"), day("2025-05-20")), 90);

    assertThat(lifecycle.events()).containsExactly(
        new Event(day("2025-01-10"), Kind.ACQUIRED),
        new Event(day("2025-04-10"), Kind.CHURNED),
        new Event(day("2025-05-20"), Kind.REACTIVATED),
        new Event(day("2025-08-18"), Kind.CHURNED));
  }

  @Test
  void aPurchaseAtTheChurnInstantStillCountsAsWithin() {
    Lifecycle lifecycle = Lifecycle.fromPurchases(List.of(day("2025-01-10"), day("2025-04-10")), 90);

    assertThat(lifecycle.events()).containsExactly(
        new Event(day("2025-01-10"), Kind.ACQUIRED),
        new Event(day("2025-07-09"), Kind.CHURNED));
  }

  @Test
  void severalPurchasesAtOneInstantAreOneActivity() {
    Lifecycle lifecycle = Lifecycle.fromPurchases(
        List.of(day("2025-01-10"), day("2025-01-10"), day("2025-01-10")), 30);

    assertThat(lifecycle.events()).containsExactly(
        new Event(day("2025-01-10"), Kind.ACQUIRED), new Event(day("2025-02-09"), Kind.CHURNED));
  }

  @ParameterizedTest(name = "a {0} at exactly the period start belongs to the period")
  @CsvSource({"CHURNED, 1, 1, 0", "ACQUIRED, 0, 0, 1"})
  void eventsAtTheStartInstantBelongToThePeriod(Kind kind, long atStart, long churned, long newOnes) {
    Lifecycle lifecycle = kind == Kind.CHURNED
        ? Lifecycle.contractual(BEFORE, List.of(new Event(START, Kind.CHURNED)))
        : Lifecycle.contractual(START, List.of());

    ChurnCounts counts = LifecycleCounter.summarize(List.of(lifecycle), MARCH).counts();

    assertThat(counts.atStart()).isEqualTo(atStart);
    assertThat(counts.churned()).isEqualTo(churned);
    assertThat(counts.newCustomers()).isEqualTo(newOnes);
  }

  @Test
  void aChurnAtExactlyTheEndBelongsToTheNextPeriod() {
    Lifecycle lifecycle = Lifecycle.contractual(BEFORE, List.of(new Event(END, Kind.CHURNED)));

    ChurnCounts counts = LifecycleCounter.summarize(List.of(lifecycle), MARCH).counts();

    assertThat(counts).isEqualTo(new ChurnCounts(1, 0, 0, 0, 0, 1));
  }

  @Test
  void lifespanIsLatestChurnMinusAcquisitionForCustomersChurnedAtTheEnd() {
    Lifecycle twice = Lifecycle.contractual(day("2025-01-01"), List.of(
        new Event(day("2025-01-11"), Kind.CHURNED), new Event(day("2025-02-01"), Kind.REACTIVATED),
        new Event(day("2025-03-02"), Kind.CHURNED)));
    Lifecycle reactivated = Lifecycle.contractual(day("2025-01-01"), List.of(
        new Event(day("2025-01-11"), Kind.CHURNED), new Event(day("2025-03-10"), Kind.REACTIVATED)));

    LifespanStats stats = LifecycleCounter.summarize(List.of(twice, reactivated), MARCH).lifespansAtEnd();

    assertThat(stats).isEqualTo(new LifespanStats(1, 60L * 86_400));
  }
}
