package io.cskpi.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.application.UseCases;
import io.cskpi.application.port.HealthRepository.CustomerSignals;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Customer;
import io.cskpi.domain.Money;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Signal;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.CsatScale;
import io.cskpi.domain.kpi.health.HealthBands;
import io.cskpi.domain.kpi.health.HealthMeasure;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.HealthSignals;
import io.cskpi.domain.kpi.health.ScoringRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do for the health score, on the fakes and on MySQL: signals stored once,
 * models versioned, and each customer's signal values as of the end of a local date (New York).
 */
public abstract class HealthStoreContract {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final List<String> ALL = List.of(HealthSignals.DAYS_SINCE_LAST_PURCHASE,
      HealthSignals.PURCHASES_LAST_90_DAYS, HealthSignals.LATEST_NPS, HealthSignals.LATEST_CSAT_SHARE, "usage", "logins");

  private UseCases.Ports ports;
  private TenantId tenant;

  protected abstract UseCases.Ports ports();

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @BeforeEach
  void aTenantWithHistory() {
    ports = ports();
    tenant = new TenantId("h-" + UUID.randomUUID().toString().substring(0, 12));
    ports.tenants().create(new Tenant(tenant, "Test", NEW_YORK, null, at("2024-01-01T00:00:00Z")));
    Instant updated = at("2024-01-01T00:00:00Z");
    ports.customers().upsert(tenant, List.of(
        new Customer("a", at("2024-01-01T12:00:00Z"), Map.of("plan", "pro"), updated),
        new Customer("b", at("2024-03-01T12:00:00Z"), Map.of("plan", "basic"), updated),
        new Customer("c", null, Map.of(), updated)));
    ports.purchases().record(tenant, List.of(
        new Purchase("a1", "a", at("2024-01-05T15:00:00Z"), Money.parse("10.00", "USD")),
        new Purchase("a2", "a", at("2024-02-20T04:00:00Z"), Money.parse("20.00", "USD")), // Feb 19 in New York
        new Purchase("b1", "b", at("2024-03-05T12:00:00Z"), Money.parse("30.00", "USD"))));
    ports.purchases().record(tenant, List.of(new Purchase("a2-refund", "a", at("2024-02-25T12:00:00Z"),
        Money.parse("-5.00", "USD"), "a2")));
    ports.surveys().create(tenant, new Survey("nps", Survey.Kind.NPS, null, "NPS", updated));
    ports.surveys().create(tenant, new Survey("csat", Survey.Kind.CSAT, new CsatScale(1, 5, 4), "CSAT", updated));
    ports.surveys().recordResponses(tenant, List.of(
        new SurveyResponse("r1", "nps", "a", at("2024-01-10T12:00:00Z"), 9, null, null),
        new SurveyResponse("r2", "nps", "a", at("2024-02-10T12:00:00Z"), 3, null, null),
        new SurveyResponse("r3", "nps", "a", at("2024-02-15T12:00:00Z"), null, "no answer", null),
        new SurveyResponse("r4", "csat", "a", at("2024-02-01T12:00:00Z"), 4, null, null),
        new SurveyResponse("r5", "csat", "b", at("2024-03-06T12:00:00Z"), 5, null, null)), Map.of());
    ports.health().recordSignals(tenant, List.of(
        new Signal("s1", "a", "usage", at("2024-01-10T00:00:00Z"), 10),
        new Signal("s2", "a", "usage", at("2024-02-29T04:59:59Z"), 90), // Feb 28, 23:59:59 in New York
        new Signal("s3", "b", "usage", at("2024-03-02T00:00:00Z"), 50),
        new Signal("s-a", "a", "logins", at("2024-02-01T00:00:00Z"), 1),
        new Signal("s-b", "a", "logins", at("2024-02-01T00:00:00Z"), 2)));
  }

  private List<CustomerSignals> values(String date, Segment segment, Optional<String> customer) {
    return ports.health().signalValues(tenant, NEW_YORK, LocalDate.parse(date), ALL, segment, customer);
  }

  @Test
  void valuesAsOfTheEndOfALocalDateReadOnlyWhatWasKnownThen() {
    List<CustomerSignals> feb28 = values("2024-02-28", Segment.everyone(), Optional.empty());

    assertThat(feb28).extracting(CustomerSignals::customerId).as("b is acquired on Mar 1").containsExactly("a", "c");
    assertThat(feb28.get(0).values()).isEqualTo(Map.of(
        HealthSignals.DAYS_SINCE_LAST_PURCHASE, 9.0, // Feb 19 local to Feb 28
        HealthSignals.PURCHASES_LAST_90_DAYS, 2.0, // the refund is no purchase
        HealthSignals.LATEST_NPS, 3.0, // the later response has no score
        HealthSignals.LATEST_CSAT_SHARE, 0.75, // 4 on 1-5
        "usage", 90.0,
        "logins", 2.0)); // same instant: the higher signal id
    assertThat(feb28.get(1).values()).isEmpty();

    assertThat(values("2024-02-27", Segment.everyone(), Optional.empty()).get(0).values())
        .containsEntry("usage", 10.0).containsEntry(HealthSignals.DAYS_SINCE_LAST_PURCHASE, 8.0);
    assertThat(values("2024-01-09", Segment.everyone(), Optional.empty()).get(0).values()).isEqualTo(Map.of(
        HealthSignals.DAYS_SINCE_LAST_PURCHASE, 4.0, HealthSignals.PURCHASES_LAST_90_DAYS, 1.0,
        "usage", 10.0)); // Jan 10 00:00 UTC is still Jan 9 in New York
    assertThat(values("2024-01-08", Segment.everyone(), Optional.empty()).get(0).values()).doesNotContainKey("usage");
    assertThat(values("2024-06-01", Segment.everyone(), Optional.empty()).get(0).values())
        .as("nothing in the last 90 days").containsEntry(HealthSignals.PURCHASES_LAST_90_DAYS, 0.0);
  }

  @Test
  void valuesFollowTheSegmentAndTheCustomer() {
    assertThat(values("2024-03-10", Segment.everyone(), Optional.of("b"))).singleElement().satisfies(b ->
        assertThat(b.values()).isEqualTo(Map.of(HealthSignals.DAYS_SINCE_LAST_PURCHASE, 5.0,
            HealthSignals.PURCHASES_LAST_90_DAYS, 1.0, HealthSignals.LATEST_CSAT_SHARE, 1.0, "usage", 50.0)));
    assertThat(values("2024-02-28", Segment.everyone(), Optional.of("b"))).isEmpty();
    assertThat(values("2024-03-10", new Segment(List.of(new Segment.AttributeFilter("plan", Set.of("pro")))),
        Optional.empty())).extracting(CustomerSignals::customerId).containsExactly("a");
    assertThat(ports.health().signalValues(tenant, NEW_YORK, LocalDate.parse("2024-03-10"), List.of("usage"),
        Segment.everyone(), Optional.of("a")).get(0).values()).isEqualTo(Map.of("usage", 90.0));
  }

  @Test
  void signalsAreStoredOnceAndAConflictStoresNothing() {
    List<Signal> batch = List.of(new Signal("s9", "c", "tickets", at("2024-03-01T00:00:00Z"), 4),
        new Signal("s1", "a", "usage", at("2024-01-10T00:00:00Z"), 10));
    assertThat(ports.health().recordSignals(tenant, batch)).isEqualTo(new RecordOutcome(1, 1));
    assertThat(ports.health().recordSignals(tenant, batch)).isEqualTo(new RecordOutcome(0, 2));
    assertThatThrownBy(() -> ports.health().recordSignals(tenant, List.of(
        new Signal("s10", "c", "seats", at("2024-03-01T00:00:00Z"), 1),
        new Signal("s1", "a", "usage", at("2024-01-10T00:00:00Z"), 11))))
        .isInstanceOfSatisfying(CskpiException.class, e -> {
          assertThat(e.reason()).isEqualTo("SIGNAL_ID_CONFLICT");
          assertThat(e.violations()).extracting(v -> v.field()).containsExactly("signals[1].signal_id");
        });
    assertThat(ports.health().pushedSignals(tenant, List.of("usage", "tickets", "seats", "nothing")))
        .containsExactlyInAnyOrder("usage", "tickets");
  }

  @Test
  void modelsAreVersionedAndASameDefinitionIsNotStoredTwice() {
    assertThat(ports.health().currentModel(tenant)).isEmpty();
    HealthModel first = new HealthModel(0, HealthModel.DEFAULT.measures(), HealthModel.DEFAULT.bands());
    HealthModel second = new HealthModel(0, List.of(new HealthMeasure("usage", 2.5, new ScoringRule.Linear(100, 0)),
        new HealthMeasure("logins", 1, new ScoringRule.Tiers(List.of(
            new ScoringRule.Tier(OptionalDouble.empty(), OptionalDouble.of(-1.5), 10),
            new ScoringRule.Tier(OptionalDouble.of(-1.5), OptionalDouble.empty(), 90))))),
        new HealthBands(List.of(new HealthBands.Band("at-risk", 40), new HealthBands.Band("fine", 100))));

    assertThat(ports.health().saveModel(tenant, first).version()).isEqualTo(1);
    assertThat(ports.health().saveModel(tenant, first).version()).as("a retry").isEqualTo(1);
    HealthModel stored = ports.health().saveModel(tenant, second);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.sameDefinition(second)).isTrue();
    assertThat(ports.health().currentModel(tenant)).contains(stored);
    assertThat(ports.health().model(tenant, 2)).contains(stored);
    assertThat(ports.health().model(tenant, 1)).hasValueSatisfying(m -> assertThat(m.sameDefinition(first)).isTrue());
    assertThat(ports.health().model(tenant, 3)).isEmpty();
    assertThat(ports.health().saveModel(tenant, first).version()).as("the first again is a new version").isEqualTo(3);
  }
}
