package io.cskpi.domain.kpi.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GammaGammaTest {

  @Test
  void cdnowGivesThePublishedEstimates() {
    long start = System.nanoTime();
    GammaGammaFitResult fit = GammaGammaFit.fit(CdnowSample.customers());
    System.out.printf("Gamma-Gamma fit of CDNOW: %.1f ms; %s%n", (System.nanoTime() - start) / 1e6, fit);

    assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
    assertThat(fit.customers()).isEqualTo(2357);
    assertThat(fit.fitted()).isEqualTo(946);
    assertThat(fit.excludedNonPositiveMean()).isZero();
    GammaGammaParameters p = fit.parameters().orElseThrow();
    assertThat(p.p()).isCloseTo(6.25, withPercentage(1));
    assertThat(p.q()).isCloseTo(3.74, withPercentage(1));
    assertThat(p.gamma()).isCloseTo(15.44, withPercentage(1));
    assertThat(fit.standardErrors()).isPresent();
    // lifetimes' corr() of monetary value and frequency over the same 946
    assertThat(fit.frequencyValueCorrelation().getAsDouble()).isCloseTo(0.113884, offset(1e-6));
    assertThat(fit.frequencyAndValueLookDependent()).isFalse();
  }

  /** Hardie's note 025 sheet (lifetimes' quickstart has them to 6 decimals). */
  @Test
  void conditionalExpectedMeanValuesOfTheFirstTenCustomers() {
    GammaGammaParameters p = GammaGammaFit.fit(CdnowSample.customers()).parameters().orElseThrow();
    double[] published = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
    double[] lifetimes = {24.658616, 18.911480, 35.171003, 35.171003, 35.171003, 71.462851, 18.911480, 35.171003,
        27.282408, 35.171003};
    for (int i = 0; i < published.length; i++) {
      CustomerHistory customer = CdnowSample.customers().get(i);
      assertThat(p.conditionalExpectedMeanValue(customer).getAsDouble()).as("customer %d", i + 1)
          .isCloseTo(published[i], offset(0.1))
          .isCloseTo(lifetimes[i], offset(1e-4));
    }
    // customers without a repeat purchase get the population mean
    assertThat(p.conditionalExpectedMeanValue(0, 0)).isEqualTo(p.populationMeanValue());
    assertThat(p.populationMeanValue().getAsDouble()).isCloseTo(p.p() * p.gamma() / (p.q() - 1), offset(1e-12));
  }

  @ParameterizedTest(name = "q = {0}: no finite mean spend")
  @CsvSource({"1.0", "0.5", "1e-3"})
  void qOfOneOrLessHasNoFiniteMean(double q) {
    GammaGammaParameters p = new GammaGammaParameters(6.25, q, 15.44);

    assertThat(p.hasFiniteMeanSpend()).isFalse();
    assertThat(p.populationMeanValue()).isEmpty();
    assertThat(p.conditionalExpectedMeanValue(0, 0)).isEmpty();
    assertThat(p.conditionalExpectedMeanValue(2, 22.35)).isEmpty();
    assertThat(PredictiveClv.value(CdnowSample.PUBLISHED, p, new CustomerHistory(2, 30.43, 38.86, 22.35),
        ClvHorizon.DEFAULT)).isEmpty();
  }

  @Test
  void aRepeatBuyerNeedsAPositiveMean() {
    GammaGammaParameters p = new GammaGammaParameters(6.25, 3.74, 15.44);
    assertThatThrownBy(() -> p.conditionalExpectedMeanValue(2, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.conditionalExpectedMeanValue(2, -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GammaGammaParameters(6.25, 0, 15.44)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonPositiveMeansAreExcludedAndCounted() {
    List<CustomerHistory> customers = new ArrayList<>(CdnowSample.customers());
    customers.add(new CustomerHistory(3, 20, 30, -12.5));
    customers.add(new CustomerHistory(1, 20, 30, 0));
    GammaGammaFitResult fit = GammaGammaFit.fit(customers);

    assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
    assertThat(fit.fitted()).isEqualTo(946);
    assertThat(fit.excludedNonPositiveMean()).isEqualTo(2);
    assertThat(fit.parameters()).isEqualTo(GammaGammaFit.fit(CdnowSample.customers()).parameters());
  }

  @Test
  void tooFewOrNoRepeatBuyers() {
    List<CustomerHistory> nine = new ArrayList<>(Collections.nCopies(9, new CustomerHistory(2, 10, 30, 20)));
    nine.addAll(Collections.nCopies(50, CustomerHistory.of(0, 0, 30)));
    GammaGammaFitResult tooFew = GammaGammaFit.fit(nine);
    assertThat(tooFew.status()).isEqualTo(FitStatus.TOO_FEW_CUSTOMERS);
    assertThat(tooFew.reason()).contains("10");
    assertThat(tooFew.parameters()).isEmpty();

    GammaGammaFitResult none = GammaGammaFit.fit(Collections.nCopies(50, CustomerHistory.of(0, 0, 30)));
    assertThat(none.status()).isEqualTo(FitStatus.NO_REPEAT_BUYERS);
    assertThat(none.frequencyValueCorrelation()).isEmpty();
  }

  @Test
  void identicalSpendHasNoInteriorMaximum() {
    // no spread of the values: p -> infinity
    List<CustomerHistory> customers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      customers.add(new CustomerHistory(1 + i % 4, 10, 30, 20));
    }
    GammaGammaFitResult fit = GammaGammaFit.fit(customers);

    assertThat(fit.status()).isEqualTo(FitStatus.NOT_CONVERGED);
    assertThat(fit.reason()).contains("no interior maximum");
    assertThat(fit.parameters()).isEmpty();
    assertThat(fit.frequencyValueCorrelation()).isEmpty();
  }

  @Test
  void correlatedFrequencyAndValueRaiseTheWarning() {
    List<CustomerHistory> customers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int x = 1 + i % 8;
      customers.add(new CustomerHistory(x, 10, 30, 10 + 5 * x + (i % 3)));
    }
    GammaGammaFitResult fit = GammaGammaFit.fit(customers);

    assertThat(fit.frequencyValueCorrelation().getAsDouble()).isGreaterThan(0.9);
    assertThat(fit.frequencyAndValueLookDependent()).isTrue();
  }
}
