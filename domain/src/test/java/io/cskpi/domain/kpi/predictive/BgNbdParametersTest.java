package io.cskpi.domain.kpi.predictive;

import static io.cskpi.domain.kpi.predictive.CdnowSample.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Published values at r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (see cdnow/SOURCE.md). */
class BgNbdParametersTest {

  @Test
  void conditionalExpectationOfHardiesSheet() {
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, offset(5e-4));
  }

  /**
   * Hardie's sheet used the unrounded estimates: at the 3-decimal ones E[X(32)] is 1.0452, not 1.0437.
   * At the maximum to 7 digits (CLVTools, test_correctness_bgnbd.R, and our fit) they agree to 4
   * decimals except at t = 78, which is 3.6e-4 off: the sheet's solver stopped a little apart.
   */
  @ParameterizedTest(name = "E[X({0})] = {1}")
  @CsvSource({"0.1429, 0.0078, 5e-5", "1, 0.0532, 5e-5", "3, 0.1506, 5e-5", "31.8571, 1.0405, 5e-5",
      "32, 1.0437, 5e-5", "78, 1.8576, 5e-4"})
  void unconditionalExpectation(double t, double expected, double tolerance) {
    assertThat(CdnowSample.MAXIMUM.expectedPurchases(t)).isCloseTo(expected, offset(tolerance));
  }

  @Test
  void theRoundedEstimatesAreTooCoarseForFourDecimalsAtLongHorizons() {
    assertThat(PUBLISHED.expectedPurchases(32)).isCloseTo(1.0452, offset(5e-5))
        .isNotCloseTo(1.0437, offset(1e-3));
  }

  @ParameterizedTest(name = "P(X({1}) = {0}) = {2}")
  @CsvSource({"0, 39, 0.5737864", "10, 2, 1.07869e-07"})
  void probabilityOfPurchasesOfBtyd(int n, double t, double expected) {
    assertThat(PUBLISHED.probabilityOfPurchases(n, t)).isCloseTo(expected, withPercentage(5e-4));
  }

  @Test
  void probabilityOfNoPurchase() {
    assertThat(PUBLISHED.probabilityOfNoPurchase(39)).isCloseTo(0.5737864, offset(1e-6));
    assertThat(PUBLISHED.probabilityOfNoPurchase(0)).isEqualTo(1);
    assertThat(PUBLISHED.probabilityOfPurchases(0, 39)).isCloseTo(PUBLISHED.probabilityOfNoPurchase(39),
        offset(1e-15));
  }

  @ParameterizedTest(name = "P(X(t)=n) over n sums to 1 with mean E[X(t)], t = {0}")
  @CsvSource({"1", "39", "78"})
  void distributionIsConsistentWithTheExpectation(double t) {
    double total = 0;
    double mean = 0;
    for (int n = 0; n < 2000; n++) {
      double p = PUBLISHED.probabilityOfPurchases(n, t);
      total += p;
      mean += n * p;
    }
    assertThat(total).isCloseTo(1, offset(1e-9));
    assertThat(mean).isCloseTo(PUBLISHED.expectedPurchases(t), offset(1e-8));
  }

  @ParameterizedTest(name = "r={0} alpha={1} a={2} b={3}: the paper's formula, t={4} x={5}")
  @CsvSource({
      "0.243, 4.414, 0.793, 2.426, 39, 2, 30.43, 38.86",
      "0.243, 4.414, 0.793, 2.426, 39, 0, 0, 38.86",
      "0.243, 4.414, 0.793, 2.426, 10, 0, 0, 0",
      "1.5, 2.0, 3.0, 0.4, 20, 7, 25, 30",
      "0.5, 10, 0.3, 0.2, 52, 1, 5, 50",
  })
  void stableFormMatchesTheTextbookOne(double r, double alpha, double a, double b, double t, int x, double tx,
      double T) {
    BgNbdParameters model = new BgNbdParameters(r, alpha, a, b);
    double z = t / (alpha + T + t);
    double hyp = Hypergeometric.hyp2f1(r + x, b + x, a + b + x - 1, z);
    double alive = x == 0 ? 1
        : 1 / (1 + a / (b + x - 1) * Math.pow((alpha + T) / (alpha + tx), r + x));
    double paper = (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp) * alive;
    assertThat(model.conditionalExpectedPurchases(t, x, tx, T)).isCloseTo(paper, withPercentage(1e-9));
  }

  @Test
  void aOfOneAndABelowOneHaveFiniteLimits() {
    // the textbook form divides by a - 1 and needs a + b > 1; the limit is continuous
    double atOne = new BgNbdParameters(0.5, 3, 1, 2).expectedPurchases(20);
    assertThat(atOne).isCloseTo(new BgNbdParameters(0.5, 3, 1 + 1e-7, 2).expectedPurchases(20), offset(1e-6));
    assertThat(atOne).isCloseTo(new BgNbdParameters(0.5, 3, 1 - 1e-7, 2).expectedPurchases(20), offset(1e-6));
    double smallSum = new BgNbdParameters(0.5, 3, 0.3, 0.7).expectedPurchases(20);
    assertThat(smallSum).isCloseTo(new BgNbdParameters(0.5, 3, 0.3, 0.7 + 1e-7).expectedPurchases(20),
        offset(1e-6)).isPositive().isLessThan(0.5 / 3 * 20);
  }

  @Test
  void expectationsGrowWithTimeAndStartAtZero() {
    assertThat(PUBLISHED.expectedPurchases(0)).isZero();
    assertThat(PUBLISHED.conditionalExpectedPurchases(0, 2, 30.43, 38.86)).isZero();
    double previous = 0;
    for (int t = 1; t <= 520; t++) {
      double next = PUBLISHED.expectedPurchases(t);
      assertThat(next).isGreaterThan(previous);
      previous = next;
    }
  }

  @ParameterizedTest(name = "x=0 (all purchases on the first day), T={0}: alive")
  @CsvSource({"0", "0.1429", "38.86"})
  void customersWithoutRepeatPurchase(double T) {
    // everybody who never bought again is alive: in BG/NBD one drops out only after a purchase
    assertThat(PUBLISHED.probabilityAlive(0, 0, T)).isEqualTo(1);
    double expected = PUBLISHED.conditionalExpectedPurchases(39, 0, 0, T);
    assertThat(expected).isPositive().isLessThanOrEqualTo(PUBLISHED.expectedPurchases(39));
    assertThat(PUBLISHED.logLikelihood(0, 0, T)).isCloseTo(PUBLISHED.r() * Math.log(4.414 / (4.414 + T)),
        offset(1e-12));
  }

  @ParameterizedTest(name = "x={0}: finite log-likelihood, P(alive) in [0, 1]")
  @CsvSource({"5000, 38.0, 38.86", "5000, 38.86, 38.86", "5000, 0.5, 38.86", "100000, 1, 1000", "1, 1e-9, 1e9"})
  void hugeFrequencies(int x, double tx, double T) {
    double ll = PUBLISHED.logLikelihood(x, tx, T);
    double alive = PUBLISHED.probabilityAlive(x, tx, T);
    // a density in tx, not a probability: many purchases in a short time give ln L > 0
    assertThat(ll).isFinite();
    assertThat(alive).isBetween(0.0, 1.0);
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, x, tx, T)).isFinite().isNotNegative();
  }

  @Test
  void aLongSilenceAfterManyPurchasesMeansGone() {
    assertThat(PUBLISHED.probabilityAlive(5000, 0.5, 38.86)).isZero();
    assertThat(PUBLISHED.probabilityAlive(5000, 38.86, 38.86)).isCloseTo(1, offset(1e-3));
  }

  @ParameterizedTest(name = "r={0} alpha={1} a={2} b={3} is rejected")
  @CsvSource({"0, 1, 1, 1", "1, -1, 1, 1", "1, 1, NaN, 1", "1, 1, 1, Infinity"})
  void parametersArePositive(double r, double alpha, double a, double b) {
    assertThatThrownBy(() -> new BgNbdParameters(r, alpha, a, b)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSampleLikelihoodIsTheSumOfTheCustomers() {
    double sum = 0;
    for (CustomerHistory customer : CdnowSample.customers()) {
      sum += PUBLISHED.logLikelihood(customer);
    }
    double[] theta = {PUBLISHED.r(), PUBLISHED.alpha(), PUBLISHED.a(), PUBLISHED.b()};
    assertThat(new BgNbdLikelihood(CdnowSample.customers()).logLikelihood(theta)).isCloseTo(sum, offset(1e-8));
    // the published parameters, rounded to 3 decimals, are within a rounding of the maximum
    assertThat(sum).isCloseTo(-9582.4, offset(0.5));
  }
}
