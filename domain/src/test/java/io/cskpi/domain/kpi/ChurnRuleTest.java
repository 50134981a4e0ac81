package io.cskpi.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Period;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChurnRuleTest {

  private static final Period MONTH = Period.between(Instant.parse("2025-01-01T00:00:00Z"),
      Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = "S={0}, C={1}: churn {2} %, retention {3} %")
  @CsvSource({
      // the brief's example: 500 customers at the start of the month, 50 lost: 10 %
      "500, 50, 10.0, 90.0",
      // the spec's worked example with edge cases: S = 100, C = 10
      "100, 10, 10.0, 90.0",
      "3, 1, 33.333333333333336, 66.66666666666667",
      "7, 0, 0.0, 100.0",
      "7, 7, 100.0, 0.0",
  })
  void rateIsChurnedOverCustomersAtStart(long atStart, long churned, double rate, double retention) {
    ChurnRate result = ChurnRule.rate(MONTH, new ChurnPolicy.LifecycleEvents(),
        new ChurnCounts(atStart, churned, 0, 0, 0, atStart - churned));

    assertThat(result.ratePercent()).hasValue(rate);
    assertThat(result.retentionRatePercent()).hasValue(retention);
    assertThat(result.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @ParameterizedTest(name = "no customers at start, {0} new: undefined, not 0")
  @CsvSource({"0", "5"})
  void noCustomersAtStartIsUndefined(long newCustomers) {
    ChurnRate result = ChurnRule.rate(MONTH, new ChurnPolicy.LifecycleEvents(),
        new ChurnCounts(0, 0, newCustomers, 0, 0, newCustomers));

    assertThat(result.ratePercent()).isEmpty();
    assertThat(result.retentionRatePercent()).isEmpty();
    assertThat(result.undefinedReason()).isEqualTo(UndefinedReason.ZERO_DENOMINATOR);
  }
}
