package io.cskpi.domain.kpi.predictive;

import static io.cskpi.domain.kpi.predictive.CdnowSample.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredictiveClvTest {

  private static final CustomerHistory CUSTOMER_1 = new CustomerHistory(2, 30.43, 38.86, 22.35);

  @Test
  void eachPeriodCountsItsNewPurchasesOnly() {
    ClvHorizon threeFourWeekPeriods = new ClvHorizon(3, 4, 0.01);

    assertThat(PredictiveClv.value(PUBLISHED, CUSTOMER_1, 35, threeFourWeekPeriods)).isCloseTo(14.556, offset(5e-4));
    // the pitfall: discounting the running total E[X(m L)] instead of its increase
    double cumulative = 0;
    for (int m = 1; m <= 3; m++) {
      cumulative += PUBLISHED.conditionalExpectedPurchases(4 * m, CUSTOMER_1) * 35 / Math.pow(1.01, m);
    }
    assertThat(cumulative).isCloseTo(29.412, offset(5e-4));
  }

  @Test
  void twelveMonthsAre365Point25Days() {
    assertThat(ClvHorizon.DEFAULT.length()).isCloseTo(365.25 / 7, offset(1e-12)).isCloseTo(52.1786, offset(5e-5));
    assertThat(PredictiveClv.expectedPurchases(PUBLISHED, CUSTOMER_1, ClvHorizon.DEFAULT))
        .isCloseTo(1.56310, offset(5e-6));
    // not 52 weeks, nor 12 x 4
    assertThat(PUBLISHED.conditionalExpectedPurchases(52, CUSTOMER_1)).isNotCloseTo(1.56310, offset(1e-3));
    // without a discount the periods add up to the whole horizon
    assertThat(PredictiveClv.value(PUBLISHED, CUSTOMER_1, 1, ClvHorizon.months(12, 0)))
        .isCloseTo(1.56310, offset(5e-6));
  }

  @ParameterizedTest(name = "{0} months at {1} a month")
  @CsvSource({"12, 0.01", "1, 0.01", "24, 0.0", "36, 0.05"})
  void discountedPeriodsByHand(int months, double discount) {
    double expected = 0;
    double weeks = 365.25 / 12 / 7;
    for (int m = 1; m <= months; m++) {
      double increase = PUBLISHED.conditionalExpectedPurchases(m * weeks, CUSTOMER_1)
          - PUBLISHED.conditionalExpectedPurchases((m - 1) * weeks, CUSTOMER_1);
      expected += increase * 30 / Math.pow(1 + discount, m);
    }
    assertThat(PredictiveClv.value(PUBLISHED, CUSTOMER_1, 30, ClvHorizon.months(months, discount)))
        .isCloseTo(expected, offset(1e-10));
  }

  @Test
  void withTheSpendModel() {
    GammaGammaParameters spend = new GammaGammaParameters(6.25, 3.74, 15.44);
    double perPurchase = spend.conditionalExpectedMeanValue(CUSTOMER_1).getAsDouble();

    assertThat(PredictiveClv.value(PUBLISHED, spend, CUSTOMER_1, ClvHorizon.DEFAULT).getAsDouble())
        .isCloseTo(PredictiveClv.value(PUBLISHED, CUSTOMER_1, perPurchase, ClvHorizon.DEFAULT), offset(1e-12))
        .isPositive();
    // a customer who never bought again is alive and valued at the population mean
    CustomerHistory once = CustomerHistory.of(0, 0, 38.86);
    assertThat(PredictiveClv.value(PUBLISHED, spend, once, ClvHorizon.DEFAULT).getAsDouble())
        .isCloseTo(PredictiveClv.value(PUBLISHED, once, spend.populationMeanValue().getAsDouble(),
            ClvHorizon.DEFAULT), offset(1e-12));
  }

  @ParameterizedTest(name = "periods={0} length={1} discount={2} is rejected")
  @CsvSource({"0, 4, 0.01", "3, 0, 0.01", "3, NaN, 0.01", "3, 4, -0.01", "3, 4, Infinity"})
  void invalidHorizons(int periods, double length, double discount) {
    assertThatThrownBy(() -> new ClvHorizon(periods, length, discount)).isInstanceOf(IllegalArgumentException.class);
  }
}
