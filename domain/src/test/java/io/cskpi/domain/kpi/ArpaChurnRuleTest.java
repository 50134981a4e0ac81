package io.cskpi.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArpaChurnRuleTest {

  private static final Period QUARTER = Period.between(Instant.parse("2025-01-01T00:00:00Z"),
      Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC);

  /** Months written as "revenue/active/atStart/churned; ...", labelled m1, m2, ... */
  private static List<MonthFigures> months(String figures) {
    List<MonthFigures> months = new ArrayList<>();
    for (String month : figures.split(";")) {
      String[] f = month.trim().split("/");
      months.add(new MonthFigures("m" + (months.size() + 1), new BigDecimal(f[0]),
          Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
    }
    return months;
  }

  @Test
  void specExample() {
    // ARPA 100.00 per month, churn 5 % per month: CLV 2,000.00
    List<MonthFigures> months = months(
        "100000.00/1000/1000/50; 100000.00/1000/1000/50; 100000.00/1000/1000/50");
    ArpaChurnClv clv = ArpaChurnRule.clv(QUARTER, "USD", months);

    assertThat(clv.arpaPerMonth().orElseThrow()).isEqualByComparingTo("100");
    assertThat(clv.monthlyChurnPercent()).hasValue(5.0);
    assertThat(clv.value()).contains(Money.parse("2000.00", "USD"));
    assertThat(clv.months()).isEqualTo(months);
    assertThat(clv.currencyCode()).isEqualTo("USD");
    assertThat(clv.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @ParameterizedTest(name = "[{0}]: ARPA {1}, churn {2} %, CLV {3}")
  @CsvSource(delimiter = '|', value = {
      "100000.00/1000/1000/50 | 100 | 5.0 | 2000.00",
      // both averages are weighted by customers: ARPA 4,000 / 40 = 100, churn 2 / 50 = 4 %,
      // CLV 2,500.00; the mean of the monthly rates (10 % and 2.5 %) would give 1,600.00
      "1000.00/10/10/1; 3000.00/30/40/1 | 100 | 4.0 | 2500.00",
      // one exact fraction: 1.00 x 609 / (3 x 200) = 1.015, half up 1.02; rounding ARPA to
      // 0.33 first would give 1.00
      "1.00/3/609/200 | 0.3333333333333333333333333333333333 | 32.84072249589491 | 1.02",
      // growing customers: 3,000 / 60 = 50 per month, churn 3 / 60 = 5 %, CLV 1,000.00
      "500.00/10/10/1; 1000.00/20/20/1; 1500.00/30/30/1 | 50 | 5.0 | 1000.00",
  })
  void clvIsArpaOverMonthlyChurn(String figures, String arpa, double churnPercent, String value) {
    ArpaChurnClv clv = ArpaChurnRule.clv(QUARTER, "USD", months(figures));

    assertThat(clv.arpaPerMonth().orElseThrow()).isEqualByComparingTo(arpa);
    assertThat(clv.monthlyChurnPercent().getAsDouble()).isCloseTo(churnPercent, offset(1e-12));
    assertThat(clv.value()).contains(Money.parse(value, "USD"));
    assertThat(clv.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @ParameterizedTest(name = "[{0}]: undefined, ARPA {1} still reported")
  @CsvSource(delimiter = '|', value = {
      // monthly churn 0
      "100000.00/1000/1000/0; 100000.00/1000/1000/0 | 100 | 0.0",
      // no customers at start: no churn rate at all
      "5000.00/50/0/0 | 100 | ",
  })
  void noChurnIsZeroDenominator(String figures, String arpa, Double churnPercent) {
    ArpaChurnClv clv = ArpaChurnRule.clv(QUARTER, "USD", months(figures));

    assertThat(clv.value()).isEmpty();
    assertThat(clv.undefinedReason()).isEqualTo(UndefinedReason.ZERO_DENOMINATOR);
    assertThat(clv.arpaPerMonth().orElseThrow()).isEqualByComparingTo(arpa);
    if (churnPercent == null) {
      assertThat(clv.monthlyChurnPercent()).isEmpty();
    } else {
      assertThat(clv.monthlyChurnPercent()).hasValue(churnPercent);
    }
  }

  @Test
  void noMonthsIsNoData() {
    ArpaChurnClv clv = ArpaChurnRule.clv(QUARTER, "USD", List.of());

    assertThat(clv.value()).isEmpty();
    assertThat(clv.arpaPerMonth()).isEmpty();
    assertThat(clv.monthlyChurnPercent()).isEmpty();
    assertThat(clv.undefinedReason()).isEqualTo(UndefinedReason.NO_DATA);
  }

  @Test
  void noActiveCustomersIsNoData() {
    ArpaChurnClv clv = ArpaChurnRule.clv(QUARTER, "USD", months("0/0/10/1; 0/0/0/0"));

    assertThat(clv.value()).isEmpty();
    assertThat(clv.arpaPerMonth()).isEmpty();
    assertThat(clv.monthlyChurnPercent()).hasValue(10.0);
    assertThat(clv.undefinedReason()).isEqualTo(UndefinedReason.NO_DATA);
  }

  @Test
  void theValueIsRoundedToTheCurrencysMinorUnit() {
    // 1,000 x 3 / (3 x 2) = 500; 1,001 x 3 / (3 x 2) = 500.5, half up 501
    assertThat(ArpaChurnRule.clv(QUARTER, "JPY", months("1001/3/3/2")).value())
        .contains(Money.parse("501", "JPY"));
  }

  @ParameterizedTest(name = "revenue {0}, active {1}, at start {2}, churned {3}: {4}")
  @CsvSource({
      "1.00, -1, 1, 0, activeCustomers is negative",
      "1.00, 1, 1, 2, need 0 <= churned <= customersAtStart",
      "1.00, 1, -1, -1, need 0 <= churned <= customersAtStart",
      "1.00, 1, 1, -1, need 0 <= churned <= customersAtStart",
  })
  void invalidMonthFiguresAreRejected(BigDecimal revenue, long active, long atStart, long churned,
      String problem) {
    assertThatThrownBy(() -> new MonthFigures("2025-01", revenue, active, atStart, churned))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void aMonthCountedTwiceIsRejected() {
    MonthFigures january = new MonthFigures("2025-01", new BigDecimal("100.00"), 1, 1, 0);

    assertThatThrownBy(() -> ArpaChurnRule.clv(QUARTER, "USD", List.of(january, january)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-01");
  }
}
