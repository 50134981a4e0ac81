package io.cskpi.domain.kpi.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BgNbdFitTest {

  @Test
  void cdnowGivesThePublishedEstimates() {
    List<CustomerHistory> customers = CdnowSample.customers();
    long start = System.nanoTime();
    BgNbdFitResult fit = BgNbdFit.fit(customers);
    long cold = System.nanoTime() - start;
    start = System.nanoTime();
    BgNbdFit.fit(customers);
    long warm = System.nanoTime() - start;
    System.out.printf("BG/NBD fit of %d CDNOW customers: %.1f ms cold, %.1f ms warm; %s%n", customers.size(),
        cold / 1e6, warm / 1e6, fit);

    assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
    assertThat(fit.customers()).isEqualTo(2357);
    assertThat(fit.repeatBuyers()).isEqualTo(946);
    BgNbdParameters p = fit.parameters().orElseThrow();
    assertThat(p.r()).isCloseTo(0.243, withPercentage(0.5));
    assertThat(p.alpha()).isCloseTo(4.414, withPercentage(0.5));
    assertThat(p.a()).isCloseTo(0.793, withPercentage(0.5));
    assertThat(p.b()).isCloseTo(2.426, withPercentage(0.5));
    assertThat(fit.logLikelihood().getAsDouble()).isCloseTo(-9582.4, offset(0.5));
    // the published estimates are the maximum, rounded
    double published = new BgNbdLikelihood(customers).logLikelihood(new double[] {0.243, 4.414, 0.793, 2.426});
    assertThat(published).isCloseTo(-9582.4, offset(0.5)).isLessThanOrEqualTo(fit.logLikelihood().getAsDouble());
    // and lifetimes' maximum to its 6 digits, with its standard errors
    BgNbdParameters maximum = CdnowSample.MAXIMUM;
    assertThat(p.r()).isCloseTo(maximum.r(), offset(1e-6));
    assertThat(p.alpha()).isCloseTo(maximum.alpha(), offset(1e-5));
    assertThat(p.a()).isCloseTo(maximum.a(), offset(1e-5));
    assertThat(p.b()).isCloseTo(maximum.b(), offset(1e-5));
    BgNbdFitResult.StandardErrors se = fit.standardErrors().orElseThrow();
    assertThat(se.r()).isCloseTo(0.012557, withPercentage(0.5));
    assertThat(se.alpha()).isCloseTo(0.378221, withPercentage(0.5));
    assertThat(se.a()).isCloseTo(0.185719, withPercentage(0.5));
    assertThat(se.b()).isCloseTo(0.705345, withPercentage(0.5));
    assertThat(fit.standardErrorNote()).isEmpty();
  }

  @Test
  void theFitRecoversTheParametersOfSimulatedCustomers() {
    BgNbdParameters truth = new BgNbdParameters(0.75, 6, 0.9, 3.5);
    List<CustomerHistory> customers = BgNbdSimulation.draw(truth, 20_000, 26, 78, new Random(20_250_101L));
    long start = System.nanoTime();
    BgNbdFitResult fit = BgNbdFit.fit(customers);
    long elapsed = System.nanoTime() - start;
    System.out.printf("BG/NBD fit of %d simulated customers: %.1f ms; %s%n", customers.size(), elapsed / 1e6,
        fit);

    assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
    BgNbdParameters p = fit.parameters().orElseThrow();
    BgNbdFitResult.StandardErrors se = fit.standardErrors().orElseThrow();
    assertThat(p.r()).isCloseTo(truth.r(), withPercentage(10)).isCloseTo(truth.r(), offset(4 * se.r()));
    assertThat(p.alpha()).isCloseTo(truth.alpha(), withPercentage(10))
        .isCloseTo(truth.alpha(), offset(4 * se.alpha()));
    assertThat(p.a()).isCloseTo(truth.a(), withPercentage(10)).isCloseTo(truth.a(), offset(4 * se.a()));
    assertThat(p.b()).isCloseTo(truth.b(), withPercentage(10)).isCloseTo(truth.b(), offset(4 * se.b()));
  }

  @Test
  void theSimulationIsReproducible() {
    BgNbdParameters truth = CdnowSample.PUBLISHED;
    assertThat(BgNbdSimulation.draw(truth, 500, 30, 39, new Random(7)))
        .isEqualTo(BgNbdSimulation.draw(truth, 500, 30, 39, new Random(7)));
    // and follows the model: mean repeat purchases by T = E[X(T)]
    List<CustomerHistory> drawn = BgNbdSimulation.draw(truth, 100_000, 39, 39, new Random(8));
    double mean = drawn.stream().mapToInt(CustomerHistory::x).average().orElseThrow();
    assertThat(mean).isCloseTo(truth.expectedPurchases(39), withPercentage(3));
  }

  @Test
  void tooFewCustomers() {
    List<CustomerHistory> nine = Collections.nCopies(9, CustomerHistory.of(2, 30, 38));
    BgNbdFitResult fit = BgNbdFit.fit(nine);

    assertThat(fit.status()).isEqualTo(FitStatus.TOO_FEW_CUSTOMERS);
    assertThat(fit.reason()).contains("10").contains("9");
    assertThat(fit.parameters()).isEmpty();
    assertThat(fit.standardErrors()).isEmpty();
    assertThat(BgNbdFit.fit(List.of()).status()).isEqualTo(FitStatus.TOO_FEW_CUSTOMERS);
  }

  @Test
  void nobodyEverRepeats() {
    List<CustomerHistory> customers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      customers.add(CustomerHistory.of(0, 0, 20 + i % 20));
    }
    BgNbdFitResult fit = BgNbdFit.fit(customers);

    assertThat(fit.status()).isEqualTo(FitStatus.NO_REPEAT_BUYERS);
    assertThat(fit.repeatBuyers()).isZero();
    assertThat(fit.parameters()).isEmpty();
    assertThat(fit.logLikelihood()).isEmpty();
  }

  @ParameterizedTest(name = "everybody buying at the end, {0}")
  @ValueSource(strings = {"alike", "at 5 different rates"})
  void nobodyDroppingOutHasNoInteriorMaximum(String how) {
    // no dropout (tx = T): a -> 0; no spread of the rates: r and alpha -> infinity together
    List<CustomerHistory> customers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      customers.add(CustomerHistory.of(how.equals("alike") ? 5 : 1 + i % 5, 30, 30));
    }
    BgNbdFitResult fit = BgNbdFit.fit(customers);

    assertThat(fit.status()).isEqualTo(FitStatus.NOT_CONVERGED);
    assertThat(fit.reason()).contains("no interior maximum");
    assertThat(fit.parameters()).isEmpty();
    assertThat(fit.standardErrors()).isEmpty();
    assertThat(fit.logLikelihood()).isEmpty();
  }
}
