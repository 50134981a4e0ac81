package io.cskpi.domain.kpi.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HypergeometricTest {

  /** Relative accuracy is about (terms x 1e-16): 3.5 million terms at z = 1 - 1e-5. */
  @ParameterizedTest(name = "2F1(1,1;2;{0}) = -ln(1-z)/z")
  @CsvSource({"1e-12", "0.001", "0.1", "0.5", "0.9", "0.99", "0.999", "0.99999"})
  void logarithm(double z) {
    assertThat(Hypergeometric.hyp2f1(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, withPercentage(1e-8));
  }

  @ParameterizedTest(name = "2F1({0},{1};{1};{2}) = (1-z)^-a")
  @CsvSource({
      "0.243, 2.426, 0.3", "3.5, 0.1, 0.9", "-0.207, 1.5, 0.95", "30, 40, 0.5", "1.0, 7.0, 0.0"})
  void binomial(double a, double b, double z) {
    assertThat(Hypergeometric.hyp2f1(a, b, b, z)).isCloseTo(Math.pow(1 - z, -a), withPercentage(1e-11));
  }

  @ParameterizedTest(name = "2F1(1/2,1/2;3/2;{0}^2) = asin(z)/z")
  @CsvSource({"0.1", "0.5", "0.9", "0.99"})
  void arcsine(double s) {
    assertThat(Hypergeometric.hyp2f1(0.5, 0.5, 1.5, s * s)).isCloseTo(Math.asin(s) / s, withPercentage(1e-11));
  }

  @Test
  void polynomialsEndExactly() {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))
    assertThat(Hypergeometric.hyp2f1(-2, 3, 4, 0.5)).isCloseTo(1 - 2 * 3 * 0.5 / 4 + 3 * 4 * 0.25 / 20,
        offset(1e-15));
    assertThat(Hypergeometric.hyp2f1(0, 3, 4, 0.9)).isEqualTo(1);
  }

  @Test
  void outsideTheDomainIsRejected() {
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 2, -0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 2, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
