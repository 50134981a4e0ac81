package io.cskpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.domain.errors.CskpiException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @Test
  void sumsAndAveragesAreExact() {
    BigDecimal sum = Stream.of("10.00", "10.10", "69.00", "250.00", "20.55")
        .map(a -> Money.parse(a, "USD").amount()).reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(sum).isEqualByComparingTo("359.65");
    assertThat(sum.divide(BigDecimal.valueOf(5), MathContext.DECIMAL128)).isEqualByComparingTo("71.93");
  }

  @Test
  void roundsHalfUpAtCentsWhereADoubleWouldNot() {
    assertThat(Money.roundedToMinorUnit(new BigDecimal("1.015"), "USD").amountText()).isEqualTo("1.02");
    assertThat(Math.round(1.015 * 100) / 100.0).isEqualTo(1.01);
    assertThat(Money.roundedToMinorUnit(new BigDecimal("1.5"), "JPY").amountText()).isEqualTo("2");
  }

  @ParameterizedTest(name = "\"{0}\" {1} is refused on {2}")
  @CsvSource({
      "12.3.4, USD, amount",
      "1e5, USD, amount",
      "'', USD, amount",
      "'1,000.00', USD, amount",
      "0.12345, USD, amount",
      "1234567890123456, USD, amount",
      "NaN, USD, amount",
      "12.00, XYZ, currency_code",
      "12.00, usd, currency_code",
      "12.00, '', currency_code",
  })
  void malformedAmountsAndUnknownCurrenciesAreRefused(String amount, String currency, String field) {
    assertThatThrownBy(() -> Money.parse(amount, currency))
        .isInstanceOfSatisfying(CskpiException.class, e -> {
          assertThat(e.kind()).isEqualTo(CskpiException.Kind.INVALID_ARGUMENT);
          assertThat(e.violations()).extracting(v -> v.field()).containsExactly(field);
        });
  }

  @ParameterizedTest(name = "{0} {1} reads \"{2}\"")
  @CsvSource({"2024161.2600, USD, 2024161.26", "5.0050, EUR, 5.005", "450, USD, 450.00", "1200, JPY, 1200",
      "0.0000, USD, 0.00"})
  void amountsReadWithTheCurrencyMinorDigits(String amount, String currency, String text) {
    assertThat(new Money(new BigDecimal(amount), currency).amountText()).isEqualTo(text);
  }

  @Test
  void trailingZerosBeyondFourPlacesAreAccepted() {
    assertThat(Money.parse("1.500000", "EUR").amount()).isEqualByComparingTo("1.5");
  }
}
