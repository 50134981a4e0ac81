package io.cskpi.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;

import io.cskpi.domain.kpi.HistoricalClv.LifespanSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClvRuleTest {

  private static final Period DAYS_365 = Period.between(Instant.parse("2025-01-01T00:00:00Z"),
      Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final long DAY = 86_400;

  private static PurchaseTotals totals(String revenue, long purchases, long customers) {
    return new PurchaseTotals(Money.parse(revenue, "USD"), purchases, customers);
  }

  @Test
  void specExample() {
    // 365 days, 1,200 purchases worth 60,000.00 by 400 customers, mean lifespan 1,095 days
    HistoricalClv clv = ClvRule.historical(DAYS_365, totals("60000.00", 1200, 400),
        new LifecycleSummary(new ChurnCounts(400, 40, 0, 0, 0, 360), 0, new LifespanStats(40, 40 * 1095 * DAY)));

    assertThat(clv.value()).contains(Money.parse("450.00", "USD"));
    assertThat(clv.averagePurchaseValue().orElseThrow()).isEqualByComparingTo("50");
    assertThat(clv.purchaseFrequencyPerDay()).isCloseTo(3.0 / 365, offset(1e-15));
    assertThat(clv.purchaseFrequencyPer365Days()).isCloseTo(3.0, offset(1e-12));
    assertThat(clv.lifespanDays()).hasValue(1095.0);
    assertThat(clv.lifespanSource()).isEqualTo(LifespanSource.CHURNED_CUSTOMERS);
    assertThat(clv.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @Test
  void withoutChurnedCustomersTheLifespanIsPeriodOverChurnRate() {
    // 365 days at 25 % gives 1,460 days
    HistoricalClv clv = ClvRule.historical(DAYS_365, totals("60000.00", 1200, 400),
        new LifecycleSummary(new ChurnCounts(400, 100, 0, 0, 0, 300), 0, new LifespanStats(0, 0)));

    assertThat(clv.lifespanDays()).hasValue(1460.0);
    assertThat(clv.lifespanSource()).isEqualTo(LifespanSource.PERIOD_OVER_CHURN_RATE);
    assertThat(clv.churnRatePercent()).hasValue(25.0);
    // 50 x 3/365 x 1460 = 600
    assertThat(clv.value()).contains(Money.parse("600.00", "USD"));
  }

  @ParameterizedTest(name = "S={0}, C={1}, churned at end {2}: undefined {3}")
  @CsvSource({"0, 0, 0, ZERO_DENOMINATOR", "50, 0, 0, ZERO_DENOMINATOR"})
  void withoutAnyLifespanItIsUndefined(long atStart, long churned, long churnedAtEnd, UndefinedReason reason) {
    HistoricalClv clv = ClvRule.historical(DAYS_365, totals("100.00", 2, 1),
        new LifecycleSummary(new ChurnCounts(atStart, churned, 0, 0, 0, atStart - churned), 0,
            new LifespanStats(churnedAtEnd, 0)));

    assertThat(clv.value()).isEmpty();
    assertThat(clv.undefinedReason()).isEqualTo(reason);
    assertThat(clv.averagePurchaseValue().orElseThrow()).isEqualByComparingTo("50");
  }

  @Test
  void withoutPurchasesThereIsNoData() {
    HistoricalClv clv = ClvRule.historical(DAYS_365, PurchaseTotals.none("USD"),
        new LifecycleSummary(new ChurnCounts(10, 1, 0, 0, 0, 9), 0, new LifespanStats(1, DAY)));

    assertThat(clv.value()).isEmpty();
    assertThat(clv.undefinedReason()).isEqualTo(UndefinedReason.NO_DATA);
  }

  @Test
  void theValueIsRoundedHalfUpToCentsOnlyAtTheEnd() {
    // APV 1/3 (never exact), F = 3 per 365 days, L = 370.475 days: CLV exactly 1.015 -> 1.02
    HistoricalClv clv = ClvRule.historical(DAYS_365, totals("1.00", 3, 1),
        new LifecycleSummary(new ChurnCounts(1, 1, 0, 0, 0, 0), 0, new LifespanStats(1, 32_009_040)));

    assertThat(clv.lifespanDays().getAsDouble()).isCloseTo(370.475, offset(1e-9));
    assertThat(clv.value().orElseThrow().amount()).isEqualByComparingTo(new BigDecimal("1.02"));
  }

  @Test
  void fractionsOfASecondCount() {
    // a 1.5 s period: 10.00 by one customer in one purchase, L = 1 day: 10 x 86400 / 1.5 = 576,000.00
    Period period = Period.between(Instant.parse("2024-02-10T12:00:00Z"), Instant.parse("2024-02-10T12:00:01.5Z"),
        ZoneOffset.UTC);

    HistoricalClv clv = ClvRule.historical(period, totals("10.00", 1, 1),
        new LifecycleSummary(new ChurnCounts(0, 0, 0, 0, 0, 0), 0, new LifespanStats(1, DAY)));

    assertThat(clv.value()).contains(Money.parse("576000.00", "USD"));
  }

  @Test
  void sumsLargerThanAnAmountOneMayGiveAreFine() {
    HistoricalClv clv = ClvRule.historical(DAYS_365, new PurchaseTotals(
        new Money(new java.math.BigDecimal("1999999999999998.0000"), "EUR"), 2, 1),
        new LifecycleSummary(new ChurnCounts(0, 0, 0, 0, 0, 0), 0, new LifespanStats(1, 365 * DAY)));

    assertThat(clv.value().orElseThrow().amountText()).isEqualTo("1999999999999998.00");
  }
}
