package io.cskpi.domain.kpi.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class MaximumLikelihoodTest {

  private static final String[] NAMES = {"first", "second"};

  @Test
  void aNormalLikelihoodHasItsTextbookStandardErrors() {
    // ln L = -(t1 - 2)^2 / (2 0.1^2) - (t2 - 30)^2 / (2 3^2): maximum (2, 30), se (0.1, 3)
    ToDoubleFunction<double[]> normal = t -> -Math.pow(t[0] - 2, 2) / 0.02 - Math.pow(t[1] - 30, 2) / 18;
    MaximumLikelihood.Outcome outcome = MaximumLikelihood.maximize(normal, new double[] {1, 1}, NAMES);

    assertThat(outcome.status()).isEqualTo(FitStatus.CONVERGED);
    assertThat(outcome.estimates()[0]).isCloseTo(2, offset(1e-5));
    assertThat(outcome.estimates()[1]).isCloseTo(30, offset(1e-4));
    assertThat(outcome.logLikelihood()).isCloseTo(0, offset(1e-9));
    assertThat(outcome.standardErrors().orElseThrow()[0]).isCloseTo(0.1, offset(1e-6));
    assertThat(outcome.standardErrors().orElseThrow()[1]).isCloseTo(3, offset(1e-5));
    assertThat(outcome.standardErrorNote()).isEmpty();
  }

  @Test
  void aSaddleHasNoStandardErrors() {
    ToDoubleFunction<double[]> saddle = t -> -Math.pow(t[0] - 1, 2) + Math.pow(t[1] - 1, 2);

    assertThat(NumericalHessian.standardErrors(saddle, new double[] {1, 1})).isEmpty();
  }

  @Test
  void aLikelihoodThatIsNeverFiniteIsAFailureNotNaN() {
    MaximumLikelihood.Outcome outcome = MaximumLikelihood.maximize(t -> Double.NaN, new double[] {1, 1}, NAMES);

    assertThat(outcome.status()).isEqualTo(FitStatus.NOT_CONVERGED);
    assertThat(outcome.reason()).isNotEmpty();
    assertThat(outcome.estimates()).isEmpty();
  }

  @Test
  void aParameterRunningToInfinityIsAFailure() {
    // increases without bound in the second parameter
    MaximumLikelihood.Outcome outcome = MaximumLikelihood.maximize(
        t -> -Math.pow(t[0] - 2, 2) + Math.log(t[1]), new double[] {1, 1}, NAMES);

    assertThat(outcome.status()).isEqualTo(FitStatus.NOT_CONVERGED);
    assertThat(outcome.reason()).startsWith("second runs to infinity").contains("no interior maximum");
  }
}
