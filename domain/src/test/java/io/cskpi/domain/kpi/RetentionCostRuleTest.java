package io.cskpi.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionCostRuleTest {

  private static final Period MONTH = Period.between(Instant.parse("2025-01-01T00:00:00Z"),
      Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

  /** 12,000.00 of retention expenses in the month, in three categories. */
  private static Map<String, BigDecimal> twelveThousand() {
    Map<String, BigDecimal> expenses = new LinkedHashMap<>();
    expenses.put("tools", new BigDecimal("1500.00"));
    expenses.put("support staff", new BigDecimal("8000.00"));
    expenses.put("success programmes", new BigDecimal("2500.00"));
    return expenses;
  }

  @ParameterizedTest(name = "{0}: 12,000.00 / {1} = {2}")
  @CsvSource({
      // the spec's example: 400 active at start, 20 of them churn
      "RETAINED, 380, 31.58",
      "ACTIVE_AT_START, 400, 30.00",
      "ACTIVE_DURING, 450, 26.67",
      "RETAINED, 1, 12000.00",
  })
  void costIsTotalOverCustomers(RetentionCostDenominator denominator, long customers, String expected) {
    RetentionCost cost = RetentionCostRule.cost(MONTH, "USD", twelveThousand(), denominator, customers);

    assertThat(cost.perCustomer()).contains(Money.parse(expected, "USD"));
    assertThat(cost.total()).isEqualTo(Money.parse("12000.00", "USD"));
    assertThat(cost.denominator()).isEqualTo(denominator);
    assertThat(cost.customers()).isEqualTo(customers);
    assertThat(cost.period()).isEqualTo(MONTH);
    assertThat(cost.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @Test
  void categoriesAreReportedSortedByName() {
    RetentionCost cost = RetentionCostRule.cost(MONTH, "USD", twelveThousand(),
        RetentionCostDenominator.RETAINED, 380);

    assertThat(cost.byCategory().keySet())
        .containsExactly("success programmes", "support staff", "tools");
    assertThat(cost.byCategory()).containsEntry("tools", Money.parse("1500.00", "USD"));
    assertThatThrownBy(() -> cost.byCategory().put("x", Money.zero("USD")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theResultKeepsItsCategoriesSortedWhoeverBuildsIt() {
    Map<String, Money> unsorted = new LinkedHashMap<>();
    unsorted.put("b", Money.parse("1.00", "USD"));
    unsorted.put("a", Money.parse("2.00", "USD"));
    RetentionCost cost = new RetentionCost(MONTH, Money.parse("3.00", "USD"), unsorted,
        RetentionCostDenominator.RETAINED, 0, Optional.empty(), UndefinedReason.ZERO_DENOMINATOR);

    assertThat(cost.byCategory().keySet()).containsExactly("a", "b");
    assertThatThrownBy(() -> new RetentionCost(MONTH, Money.parse("3.00", "USD"),
        Map.of("a", Money.parse("3.00", "EUR")), RetentionCostDenominator.RETAINED, 0,
        Optional.empty(), UndefinedReason.ZERO_DENOMINATOR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
  }

  @ParameterizedTest(name = "{0} + {1} over {2}: total {3}, per customer {4}")
  @CsvSource({
      // the total is the exact sum: 0.005 + 0.005 = 0.01, not 0.01 + 0.01 of rounded categories
      "0.005, 0.005, 1, 0.01, 0.01",
      // 0.334 + 0.334 = 0.668, 0.67; the rounded categories would give 0.33 + 0.33 = 0.66
      "0.334, 0.334, 1, 0.67, 0.67",
      // divided exactly, rounded once: 1.004 + 0.996 = 2.00, / 16 = 0.125, half up 0.13
      "1.004, 0.996, 16, 2.00, 0.13",
      // 1.996 / 16 = 0.12475, 0.12; dividing the rounded total 2.00 would give 0.13
      "0.998, 0.998, 16, 2.00, 0.12",
  })
  void totalAndCostComeFromTheExactAmounts(String first, String second, long customers, String total,
      String perCustomer) {
    RetentionCost cost = RetentionCostRule.cost(MONTH, "USD",
        Map.of("a", new BigDecimal(first), "b", new BigDecimal(second)),
        RetentionCostDenominator.RETAINED, customers);

    assertThat(cost.total()).isEqualTo(Money.parse(total, "USD"));
    assertThat(cost.perCustomer()).contains(Money.parse(perCustomer, "USD"));
  }

  @Test
  void roundingFollowsTheCurrencysMinorUnit() {
    RetentionCost cost = RetentionCostRule.cost(MONTH, "JPY", Map.of("tools", new BigDecimal("1000")),
        RetentionCostDenominator.RETAINED, 3);

    assertThat(cost.perCustomer()).contains(Money.parse("333", "JPY"));
    assertThat(cost.total()).isEqualTo(Money.parse("1000", "JPY"));
  }

  @Test
  void noCustomersIsZeroDenominatorWithTheTotalStillThere() {
    RetentionCost cost = RetentionCostRule.cost(MONTH, "USD", twelveThousand(),
        RetentionCostDenominator.RETAINED, 0);

    assertThat(cost.perCustomer()).isEmpty();
    assertThat(cost.undefinedReason()).isEqualTo(UndefinedReason.ZERO_DENOMINATOR);
    assertThat(cost.total()).isEqualTo(Money.parse("12000.00", "USD"));
    assertThat(cost.byCategory()).hasSize(3);
  }

  @Test
  void noExpenseAtAllIsNoDataNotZero() {
    RetentionCost cost = RetentionCostRule.cost(MONTH, "USD", Map.of(),
        RetentionCostDenominator.RETAINED, 380);

    assertThat(cost.perCustomer()).isEmpty();
    assertThat(cost.undefinedReason()).isEqualTo(UndefinedReason.NO_DATA);
    assertThat(cost.total()).isEqualTo(Money.parse("0.00", "USD"));
  }

  @Test
  void anExpenseOfZeroIsACostOfZero() {
    RetentionCost cost = RetentionCostRule.cost(MONTH, "USD", Map.of("tools", BigDecimal.ZERO),
        RetentionCostDenominator.RETAINED, 380);

    assertThat(cost.perCustomer()).contains(Money.parse("0.00", "USD"));
    assertThat(cost.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @Test
  void invalidInputsAreRejected() {
    assertThatThrownBy(() -> RetentionCostRule.cost(MONTH, "USD", twelveThousand(),
        RetentionCostDenominator.RETAINED, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> RetentionCostRule.cost(MONTH, "USD", Map.of(" ", BigDecimal.ONE),
        RetentionCostDenominator.RETAINED, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }

  // ExpenseSpreading

  private static final BigDecimal QUARTERLY = new BigDecimal("9000.00");
  private static final LocalDate Q1_START = LocalDate.parse("2025-01-01");
  private static final LocalDate Q1_END = LocalDate.parse("2025-03-31");

  @ParameterizedTest(name = "9,000.00 over Q1 2025 in [{0}, {1}): {2}")
  @CsvSource({
      // the spec's example: 31 of 90 days in January
      "2025-01-01, 2025-02-01, 3100.00",
      "2025-02-01, 2025-03-01, 2800.00",
      "2025-03-01, 2025-04-01, 3100.00",
      "2024-12-01, 2025-01-01, 0.00",
      "2025-04-01, 2025-05-01, 0.00",
      "2024-01-01, 2026-01-01, 9000.00",
      // a partial overlap: Jan 16..Feb 14, 30 days
      "2025-01-16, 2025-02-15, 3000.00",
      "2025-01-01, 2025-01-01, 0.00",
  })
  void aQuarterlyExpenseIsSpreadByDays(LocalDate periodStart, LocalDate periodEnd, BigDecimal expected) {
    BigDecimal share = ExpenseSpreading.shareInPeriod(QUARTERLY, Q1_START, Q1_END, periodStart, periodEnd);

    assertThat(share).isEqualByComparingTo(expected);
  }

  @Test
  void theMonthlySharesOfAQuarterAddUpExactly() {
    BigDecimal january = ExpenseSpreading.shareInPeriod(QUARTERLY, Q1_START, Q1_END,
        LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01"));
    BigDecimal february = ExpenseSpreading.shareInPeriod(QUARTERLY, Q1_START, Q1_END,
        LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01"));
    BigDecimal march = ExpenseSpreading.shareInPeriod(QUARTERLY, Q1_START, Q1_END,
        LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-01"));

    assertThat(january).isEqualByComparingTo("3100.00");
    assertThat(february).isEqualByComparingTo("2800.00");
    assertThat(march).isEqualByComparingTo("3100.00");
    assertThat(january.add(february).add(march)).isEqualByComparingTo("9000.00");
  }

  @ParameterizedTest(name = "a one-day expense on {0} in [2025-01-01, 2025-02-01): {1}")
  @CsvSource({
      "2025-01-01, 250.00",
      "2025-01-31, 250.00",
      "2025-02-01, 0.00",
      "2024-12-31, 0.00",
  })
  void aSingleDayExpenseIsWhollyInOrOut(LocalDate day, BigDecimal expected) {
    BigDecimal share = ExpenseSpreading.shareInPeriod(new BigDecimal("250.00"), day, day,
        LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01"));

    assertThat(share).isEqualByComparingTo(expected);
  }

  @Test
  void anUnevenShareKeepsDecimal128Precision() {
    // 100.00 over 3 days, one of them in the period: 33.33... to 34 significant digits
    BigDecimal share = ExpenseSpreading.shareInPeriod(new BigDecimal("100.00"),
        LocalDate.parse("2025-01-31"), LocalDate.parse("2025-02-02"),
        LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01"));

    assertThat(share).isEqualByComparingTo("33.33333333333333333333333333333333");
  }

  @Test
  void anIntervalEndingBeforeItStartsIsRejected() {
    assertThatThrownBy(() -> ExpenseSpreading.shareInPeriod(QUARTERLY, Q1_END, Q1_START,
        LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before its start");
    assertThatThrownBy(() -> ExpenseSpreading.shareInPeriod(QUARTERLY, Q1_START, Q1_END,
        LocalDate.parse("2025-02-01"), LocalDate.parse("2025-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before its start");
  }
}
