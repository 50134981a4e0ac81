package io.cskpi.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.cskpi.application.UseCases;
import io.cskpi.application.port.ClvModelRepository.CustomerRecord;
import io.cskpi.application.port.ClvModelRepository.Order;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.Customer;
import io.cskpi.domain.Money;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.predictive.BgNbdFitResult;
import io.cskpi.domain.kpi.predictive.BgNbdParameters;
import io.cskpi.domain.kpi.predictive.ClvHorizon;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.CustomerPrediction;
import io.cskpi.domain.kpi.predictive.FitStatus;
import io.cskpi.domain.kpi.predictive.GammaGammaFitResult;
import io.cskpi.domain.kpi.predictive.GammaGammaParameters;
import io.cskpi.domain.kpi.predictive.HoldoutComparison.HistoryCount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do for predictive-CLV fits, on the fakes and on MySQL. */
public abstract class ClvModelStoreContract {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final LocalDate LAST_DATE = LocalDate.parse("2025-04-30");
  private static final Instant END = LAST_DATE.plusDays(1).atStartOfDay(MADRID).toInstant();

  private UseCases.Ports ports;
  private TenantId tenant;

  protected abstract UseCases.Ports ports();

  @BeforeEach
  void aTenantWithPurchases() {
    ports = ports();
    tenant = new TenantId("c-" + UUID.randomUUID().toString().substring(0, 12));
    ports.tenants().create(new Tenant(tenant, "Test", MADRID, null, Instant.parse("2025-01-01T00:00:00Z")));
    Instant updated = Instant.parse("2025-01-01T00:00:00Z");
    ports.customers().upsert(tenant, List.of(new Customer("a", null, Map.of("plan", "pro"), updated),
        new Customer("b", null, Map.of("plan", "basic"), updated), new Customer("c", null, Map.of(), updated)));
    ports.purchases().record(tenant, List.of(
        // 23:30 UTC is the next local day in Madrid, in winter (+1) and in summer (+2)
        purchase("a1", "a", "2025-01-10T23:30:00Z", "10.00", "EUR"),
        purchase("a2", "a", "2025-01-11T12:00:00Z", "5.00", "EUR"), // the same local day as a1
        purchase("a3", "a", "2025-03-30T22:30:00Z", "30.00", "EUR"),
        purchase("a4", "a", "2025-04-30T21:59:59Z", "20.00", "EUR"), // the last local second of April 30
        purchase("a5", "a", "2025-04-30T22:00:00Z", "99.00", "EUR"), // May 1 in Madrid: after the end
        purchase("b1", "b", "2025-02-01T10:00:00Z", "7.00", "EUR"),
        purchase("b2", "b", "2025-02-20T10:00:00Z", "70.00", "USD"),
        purchase("c1", "c", "2025-04-01T10:00:00Z", "3.00", "EUR"),
        purchase("c2", "c", "2025-04-02T10:00:00Z", "4.00", "EUR")));
    ports.purchases().record(tenant, List.of(new Purchase("c2-refund", "c", Instant.parse("2025-04-03T10:00:00Z"),
        Money.parse("-4.00", "EUR"), "c2")));
  }

  private static Purchase purchase(String order, String customer, String time, String amount, String currency) {
    return new Purchase(order, customer, Instant.parse(time), Money.parse(amount, currency));
  }

  private List<CustomerRecord> histories(Segment segment) {
    return ports.clvModels().histories(tenant, END, MADRID, LAST_DATE, "EUR", segment);
  }

  @Test
  void historiesCountLocalPurchaseDaysInOneCurrencyWithoutRefunds() {
    List<CustomerRecord> records = histories(Segment.everyone());
    assertThat(records).extracting(CustomerRecord::customerId).containsExactly("a", "b", "c");
    CustomerRecord a = records.get(0);
    // local days Jan 11 (15.00), Mar 31 (30.00), Apr 30 (20.00): x = 2, t_x = 109 days, T = 109 days
    assertThat(a.history().x()).isEqualTo(2);
    assertThat(a.history().tx()).isCloseTo(109 / 7.0, within(1e-12));
    assertThat(a.history().T()).isCloseTo(109 / 7.0, within(1e-12));
    assertThat(a.meanRepeatValue()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("25.00"));
    CustomerRecord b = records.get(1);
    assertThat(b.history().x()).isZero();
    assertThat(b.history().T()).isCloseTo(88 / 7.0, within(1e-12));
    assertThat(b.meanRepeatValue()).isEmpty();
    // c: the refund is not a purchase day and not value: x = 1 at 4.00
    assertThat(records.get(2).history().x()).isEqualTo(1);
    assertThat(records.get(2).meanRepeatValue()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("4.00"));
    assertThat(histories(new Segment(List.of(new Segment.AttributeFilter("plan", Set.of("pro"))))))
        .extracting(CustomerRecord::customerId).containsExactly("a");
    assertThat(ports.clvModels().purchaseCurrencies(tenant, END)).containsExactly("EUR", "USD");
    assertThat(ports.clvModels().purchaseCurrencies(tenant, Instant.parse("2025-02-15T00:00:00Z")))
        .containsExactly("EUR");
  }

  @Test
  void aFitIsStoredOnceWithItsPredictionsInOrder() {
    ClvModel model = model("m1", LAST_DATE);
    List<CustomerPrediction> predictions = new ArrayList<>();
    histories(Segment.everyone()).forEach(r ->
        predictions.add(CustomerPrediction.of(model, r.customerId(), r.history(), r.meanRepeatValue())));

    assertThat(ports.clvModels().create(tenant, model, predictions)).isEqualTo(model);
    assertThat(ports.clvModels().create(tenant, model, predictions)).isEqualTo(model);
    assertThatThrownBy(() -> ports.clvModels().create(tenant, model("m1", LAST_DATE.minusDays(1)), predictions))
        .isInstanceOfSatisfying(CskpiException.class, e -> assertThat(e.reason()).isEqualTo("CLV_MODEL_EXISTS"));
    assertThat(ports.clvModels().find(tenant, "m1")).contains(model);
    assertThat(ports.clvModels().list(tenant, PageRequest.of(0, "")).items()).containsExactly(model);

    for (Order order : Order.values()) {
      List<String> ids = new ArrayList<>();
      String token = "";
      do {
        var page = ports.clvModels().predictions(tenant, "m1", order, PageRequest.of(1, token));
        page.items().forEach(p -> ids.add(p.customerId()));
        token = page.nextToken();
      } while (!token.isEmpty());
      List<String> expected = predictions.stream().sorted((x, y) -> order == Order.VALUE
              ? y.value().get().amount().compareTo(x.value().get().amount())
              : Double.compare(y.probabilityAlive(), x.probabilityAlive()))
          .map(CustomerPrediction::customerId).toList();
      assertThat(ids).as(order.name()).isEqualTo(expected);
    }
    CustomerPrediction a = ports.clvModels().prediction(tenant, "m1", "a").orElseThrow();
    assertThat(a.value()).isEqualTo(predictions.get(0).value());
    assertThat(a.probabilityAlive()).isEqualTo(predictions.get(0).probabilityAlive());
    assertThat(a.meanRepeatValue()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("25.00"));
    assertThat(ports.clvModels().prediction(tenant, "m1", "nobody")).isEmpty();

    var totals = ports.clvModels().totals(tenant, "m1", new Segment(List.of(
        new Segment.AttributeFilter("plan", Set.of("pro", "basic")))));
    assertThat(totals.customers()).isEqualTo(2);
    assertThat(totals.totalValue()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo(
        predictions.get(0).value().get().amount().add(predictions.get(1).value().get().amount())));
    assertThat(totals.expectedPurchases()).isCloseTo(
        predictions.get(0).expectedPurchases() + predictions.get(1).expectedPurchases(), within(1e-9));
  }

  @Test
  void holdoutActivityCountsTheFitsCustomersLocalPurchaseDaysAfterTheCalibrationDate() {
    LocalDate calibrationEnd = LocalDate.parse("2025-03-31");
    ClvModel model = model("h1", calibrationEnd);
    List<CustomerPrediction> predictions = new ArrayList<>();
    ports.clvModels().histories(tenant, calibrationEnd.plusDays(1).atStartOfDay(MADRID).toInstant(), MADRID,
        calibrationEnd, "EUR", Segment.everyone()).forEach(r ->
        predictions.add(CustomerPrediction.of(model, r.customerId(), r.history(), r.meanRepeatValue())));
    ports.clvModels().create(tenant, model, predictions);

    // a: local days Jan 11 and Mar 31 in the calibration, Apr 30 and May 1 after it; b: Feb 1 (EUR)
    // only; c bought first in April, so it is not in the fit
    var activity = ports.clvModels().holdoutActivity(tenant, model, MADRID, LocalDate.parse("2025-05-01"));
    assertThat(activity.histories()).extracting(h -> h.history().x(), h -> h.history().T(), HistoryCount::customers,
        HistoryCount::holdoutPurchases).containsExactlyInAnyOrder(tuple(1, 79 / 7.0, 1L, 2L), tuple(0, 58 / 7.0, 1L, 0L));
    assertThat(activity.repeatPurchasesByDate()).isEqualTo(Map.of(LocalDate.parse("2025-03-31"), 1L,
        LocalDate.parse("2025-04-30"), 1L, LocalDate.parse("2025-05-01"), 1L));

    var shorter = ports.clvModels().holdoutActivity(tenant, model, MADRID, LocalDate.parse("2025-04-30"));
    assertThat(shorter.histories()).extracting(HistoryCount::holdoutPurchases).containsExactlyInAnyOrder(1L, 0L);
    assertThat(shorter.repeatPurchasesByDate()).doesNotContainKey(LocalDate.parse("2025-05-01"));
  }

  private static ClvModel model(String id, LocalDate lastDate) {
    BgNbdFitResult purchases = new BgNbdFitResult(FitStatus.CONVERGED, "", 3, 2,
        Optional.of(new BgNbdParameters(0.243, 4.414, 0.793, 2.426)),
        Optional.of(new BgNbdFitResult.StandardErrors(0.01, 0.3, 0.2, 0.7)), "", OptionalDouble.of(-12.5), 40, 300);
    GammaGammaFitResult spend = new GammaGammaFitResult(FitStatus.CONVERGED, "", 2, 2, 0,
        Optional.of(new GammaGammaParameters(6.25, 3.74, 15.44)), Optional.empty(), "Hessian not positive definite",
        OptionalDouble.of(-7.25), OptionalDouble.of(0.1), 30, 200);
    return new ClvModel(id, lastDate, new Segment(List.of(new Segment.AttributeFilter("plan", Set.of("pro", "a b=c;d")))),
        "EUR", ClvHorizon.months(12, 0.01), Instant.parse("2025-05-01T08:00:00.123456Z"), purchases, spend);
  }
}
