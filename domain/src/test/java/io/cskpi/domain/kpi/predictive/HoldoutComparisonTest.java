package io.cskpi.domain.kpi.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.cskpi.domain.kpi.predictive.HoldoutComparison.FrequencyGroup;
import io.cskpi.domain.kpi.predictive.HoldoutComparison.HistoryCount;
import io.cskpi.domain.kpi.predictive.HoldoutComparison.Week;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two CDNOW-like customers, calibration 1997-01-01..1997-09-30 and a 39-week holdout: A (sample
 * customer 1) bought on 1997-01-01, 01-18 and 08-02, then on two holdout days; B once, on 01-08.
 */
class HoldoutComparisonTest {

  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
  private static final CustomerHistory A = CustomerHistory.of(2, 213 / 7.0, 272 / 7.0);
  private static final CustomerHistory B = CustomerHistory.of(0, 0, 265 / 7.0);
  private static final Map<LocalDate, Long> REPEATS = Map.of(LocalDate.of(1997, 1, 18), 1L,
      LocalDate.of(1997, 8, 2), 1L, LocalDate.of(1997, 11, 1), 1L, LocalDate.of(1998, 2, 1), 1L);

  private static HoldoutComparison compare(int groups) {
    return HoldoutComparison.of(CdnowSample.MAXIMUM, CALIBRATION_END, HOLDOUT_END, groups,
        List.of(new HistoryCount(A, 1, 2), new HistoryCount(B, 1, 0)), REPEATS);
  }

  @Test
  void frequencyGroupsHoldTheHoldoutPurchasesAndTheConditionalExpectations() {
    HoldoutComparison comparison = compare(3);

    assertThat(comparison.holdoutWeeks()).isEqualTo(39.0);
    List<FrequencyGroup> groups = comparison.groups();
    assertThat(groups).extracting(FrequencyGroup::frequency, FrequencyGroup::orMore, FrequencyGroup::customers,
        FrequencyGroup::actualPurchases).containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, false, 1L, 0L),
            org.assertj.core.groups.Tuple.tuple(1, false, 0L, 0L),
            org.assertj.core.groups.Tuple.tuple(2, true, 1L, 2L));
    assertThat(groups.get(2).expectedPurchases()).as("Hardie's sheet: 1.226").isCloseTo(1.226, offset(5e-4));
    assertThat(groups.get(0).expectedPurchases())
        .isEqualTo(CdnowSample.MAXIMUM.conditionalExpectedPurchases(39, B));
    assertThat(groups.get(1).expectedPurchases()).isZero();
  }

  @Test
  void theLastGroupTakesEveryHigherFrequency() {
    assertThat(compare(2).groups()).extracting(FrequencyGroup::frequency, FrequencyGroup::orMore,
        FrequencyGroup::customers).containsExactly(org.assertj.core.groups.Tuple.tuple(0, false, 1L),
            org.assertj.core.groups.Tuple.tuple(1, true, 1L));
  }

  @Test
  void weeksCumulateFromTheFirstPurchaseDayToTheHoldoutEnd() {
    List<Week> weeks = compare(3).weeks();

    assertThat(weeks).hasSize(78);
    assertThat(weeks.get(0)).isEqualTo(new Week(1, LocalDate.of(1997, 1, 7), 0,
        CdnowSample.MAXIMUM.expectedPurchases(6 / 7.0)));
    assertThat(weeks.get(1).expectedCumulative()).as("B joins in week 2")
        .isEqualTo(CdnowSample.MAXIMUM.expectedPurchases(13 / 7.0) + CdnowSample.MAXIMUM.expectedPurchases(6 / 7.0));
    assertThat(weeks.get(1).actualCumulative()).isZero();
    assertThat(weeks.get(2).actualCumulative()).as("01-18 is in week 3").isEqualTo(1);
    assertThat(weeks.get(38).lastDate()).isEqualTo(CALIBRATION_END);
    assertThat(weeks.get(38).actualCumulative()).isEqualTo(2);
    Week last = weeks.get(77);
    assertThat(last.lastDate()).isEqualTo(HOLDOUT_END);
    assertThat(last.actualCumulative()).isEqualTo(4);
    assertThat(last.expectedCumulative()).isEqualTo(CdnowSample.MAXIMUM.expectedPurchases(545 / 7.0)
        + CdnowSample.MAXIMUM.expectedPurchases(538 / 7.0));
  }

  @Test
  void aPartialLastWeekEndsOnTheHoldoutEndAndCountsNoDayTwice() {
    List<Week> weeks = HoldoutComparison.of(CdnowSample.MAXIMUM, CALIBRATION_END, LocalDate.of(1997, 10, 3), 1,
        List.of(new HistoryCount(A, 1, 0)), Map.of(LocalDate.of(1997, 9, 30), 1L, LocalDate.of(1997, 10, 2), 1L))
        .weeks();

    assertThat(weeks).hasSize(40);
    assertThat(weeks.get(39).lastDate()).isEqualTo(LocalDate.of(1997, 10, 3));
    assertThat(weeks.get(38).actualCumulative()).isEqualTo(1);
    assertThat(weeks.get(39).actualCumulative()).isEqualTo(2);
  }

  @Test
  void noCustomerMeansEmptyGroupsAndNoWeeks() {
    HoldoutComparison empty = HoldoutComparison.of(CdnowSample.MAXIMUM, CALIBRATION_END, HOLDOUT_END, 8,
        List.of(), Map.of());
    assertThat(empty.groups()).hasSize(8).allMatch(g -> g.customers() == 0 && g.expectedPurchases() == 0);
    assertThat(empty.weeks()).isEmpty();
  }

  @Test
  void theHoldoutEndsAfterTheCalibrationDate() {
    assertThatThrownBy(() -> HoldoutComparison.of(CdnowSample.MAXIMUM, CALIBRATION_END, CALIBRATION_END, 8,
        List.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
