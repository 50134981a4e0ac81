package io.cskpi.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.cskpi.domain.Period;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsatRuleTest {

  private static final Period MONTH = Period.between(Instant.parse("2025-01-01T00:00:00Z"),
      Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

  /** Counts responses written as "5x40 4x30 3" (score x how many; one when no count). */
  private static CsatSurveyCounts survey(String id, CsatScale scale, String responses) {
    long answered = 0;
    long satisfied = 0;
    long scoreSum = 0;
    for (String response : responses.trim().split("\\s+")) {
      String[] parts = response.split("x");
      int score = Integer.parseInt(parts[0]);
      long count = parts.length == 1 ? 1 : Long.parseLong(parts[1]);
      answered += count;
      satisfied += scale.satisfied(score) ? count : 0;
      scoreSum += score * count;
    }
    return new CsatSurveyCounts(id, scale, answered, satisfied, scoreSum);
  }

  @ParameterizedTest(name = "[{0}] on {1}-{2}: CSAT {4} %, mean {5}")
  @CsvSource({
      // the spec's example: 40 fives, 30 fours, 10 threes, 5 twos, 15 ones
      "5x40 4x30 3x10 2x5 1x15, 1, 5, 100, 70.0, 3.75",
      "5 5 4 4 4 3 2 1, 1, 5, 8, 62.5, 3.5",
      // the brief's 1-10 scale, declared satisfied from 6 below; 6 counts, 5 does not
      "6 5, 1, 10, 2, 50.0, 5.5",
      "1x3, 1, 5, 3, 0.0, 1.0",
      "5x3, 1, 5, 3, 100.0, 5.0",
  })
  void rateIsSatisfiedOverAnswered(String responses, int min, int max, long answered, double rate,
      double mean) {
    CsatScale scale = max == 10 ? new CsatScale(min, max, 6) : CsatScale.defaultFor(min, max);
    Csat csat = CsatRule.rate(MONTH, List.of(survey("s1", scale, responses)));

    assertThat(csat.answered()).isEqualTo(answered);
    assertThat(csat.ratePercent()).hasValue(rate);
    assertThat(csat.meanScore()).hasValue(mean);
    assertThat(csat.surveys().get(0).meanScore()).hasValue(mean);
    assertThat(csat.wilsonLowPercent().getAsDouble()).isBetween(0.0, rate);
    assertThat(csat.wilsonHighPercent().getAsDouble()).isBetween(rate, 100.0);
    assertThat(csat.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @Test
  void surveysOnDifferentScalesCombineByTheirOwnThresholdsWithoutAMean() {
    // 1-10 satisfied from 6: 7 of 10; 1-5 default (from 4): 5 of 10; together 12 of 20
    CsatSurveyCounts tenPoint = survey("ten", new CsatScale(1, 10, 6), "10x2 8x3 6x2 5x2 1");
    CsatSurveyCounts fivePoint = survey("five", CsatScale.defaultFor(1, 5), "5x2 4x3 3x4 1");

    assertThat(tenPoint.satisfied()).isEqualTo(7);
    assertThat(fivePoint.satisfied()).isEqualTo(5);
    Csat csat = CsatRule.rate(MONTH, List.of(tenPoint, fivePoint));

    assertThat(csat.answered()).isEqualTo(20);
    assertThat(csat.satisfied()).isEqualTo(12);
    assertThat(csat.ratePercent()).hasValue(60.0);
    assertThat(csat.meanScore()).isEmpty();
    assertThat(csat.surveys()).containsExactly(tenPoint, fivePoint);
  }

  @Test
  void surveysOnOneScaleShareAMeanEvenWithDifferentThresholds() {
    CsatSurveyCounts strict = survey("strict", new CsatScale(1, 5, 5), "5 4 4");
    CsatSurveyCounts lenient = survey("lenient", new CsatScale(1, 5, 3), "3 2 1");
    // a survey without answers on another scale does not count
    CsatSurveyCounts unanswered = new CsatSurveyCounts("empty", new CsatScale(0, 10, 9), 0, 0, 0);

    Csat csat = CsatRule.rate(MONTH, List.of(strict, lenient, unanswered));

    assertThat(csat.satisfied()).isEqualTo(2);
    assertThat(csat.ratePercent().getAsDouble()).isCloseTo(100.0 / 3, offset(1e-12));
    assertThat(csat.meanScore()).hasValue(19.0 / 6);
  }

  @ParameterizedTest(name = "default for {0}-{1}: satisfied from {2}")
  @CsvSource({"1, 5, 4", "1, 7, 6", "1, 10, 9", "0, 10, 9", "1, 3, 2", "0, 4, 3"})
  void defaultThresholdIsFourOnOneToFiveAndTheTopTwoScoresElsewhere(int min, int max, int from) {
    CsatScale scale = CsatScale.defaultFor(min, max);

    assertThat(scale).isEqualTo(new CsatScale(min, max, from));
    assertThat(scale.satisfied(from)).isTrue();
    assertThat(scale.satisfied(from - 1)).isFalse();
  }

  @ParameterizedTest(name = "two-point scale {0}-{1} has no default")
  @CsvSource({"0, 1", "1, 2"})
  void twoPointScalesMustDeclareTheirThreshold(int min, int max) {
    assertThatThrownBy(() -> CsatScale.defaultFor(min, max))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declare");
    assertThat(new CsatScale(min, max, max).satisfied(min)).isFalse();
  }

  @ParameterizedTest(name = "scale {0}-{1} satisfied from {2}: {3}")
  @CsvSource({
      "1, 5, 6, satisfiedFrom 6 is outside the scale 1..5",
      "1, 5, 0, satisfiedFrom 0 is outside the scale 1..5",
      "1, 10, 11, satisfiedFrom 11 is outside the scale 1..10",
      "5, 5, 5, minimum 5 must be below its maximum 5",
      "5, 1, 3, minimum 5 must be below its maximum 1",
  })
  void invalidScalesAreRejected(int min, int max, int from, String problem) {
    assertThatThrownBy(() -> new CsatScale(min, max, from))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @ParameterizedTest(name = "score {0} is outside 1-5")
  @CsvSource({"0", "6", "-1"})
  void scoresOutsideTheScaleAreRejected(int score) {
    assertThatThrownBy(() -> CsatScale.defaultFor(1, 5).satisfied(score))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the scale 1..5");
  }

  @Test
  void wilsonIntervalForSeventyOfAHundred() {
    Csat csat = CsatRule.rate(MONTH, List.of(survey("s1", CsatScale.defaultFor(1, 5), "5x70 1x30")));

    // by hand: p = 0.7, n = 100, z^2 = 1.96^2 = 3.8416
    double denominator = 1 + 3.8416 / 100;
    double centre = (0.7 + 3.8416 / 200) / denominator;
    double halfWidth = 1.96 * Math.sqrt(0.7 * 0.3 / 100 + 3.8416 / 40_000) / denominator;
    assertThat(csat.ratePercent()).hasValue(70.0);
    assertThat(csat.wilsonLowPercent().getAsDouble()).isCloseTo(100 * (centre - halfWidth), offset(1e-9));
    assertThat(csat.wilsonHighPercent().getAsDouble()).isCloseTo(100 * (centre + halfWidth), offset(1e-9));
    assertThat(csat.wilsonLowPercent().getAsDouble()).isCloseTo(60.41, offset(0.005));
    assertThat(csat.wilsonHighPercent().getAsDouble()).isCloseTo(78.11, offset(0.005));
  }

  @ParameterizedTest(name = "{0} satisfied of {1}: Wilson {2} .. {3}")
  @CsvSource({
      // in binary floating point the formula gives -2.8e-15 at p = 0 and 100.00000000000003 at
      // 5 of 5: clamped, never below 0 or above 100
      "0, 10, 0.0, 27.75401687666166",
      "10, 10, 72.24598312333835, 100.0",
      "0, 5, 0.0, 43.4491494752081",
      "5, 5, 56.550850524791905, 100.0",
  })
  void wilsonIntervalStaysWithinZeroToHundred(long satisfied, long answered, double low, double high) {
    Csat csat = CsatRule.rate(MONTH, List.of(
        new CsatSurveyCounts("s1", CsatScale.defaultFor(1, 5), answered, satisfied, answered + 4 * satisfied)));

    assertThat(csat.wilsonLowPercent().getAsDouble()).isCloseTo(low, offset(1e-9)).isGreaterThanOrEqualTo(0.0);
    assertThat(csat.wilsonHighPercent().getAsDouble()).isCloseTo(high, offset(1e-9)).isLessThanOrEqualTo(100.0);
  }

  @Test
  void noAnsweredResponseIsNoDataNotZero() {
    CsatSurveyCounts unanswered = new CsatSurveyCounts("s1", CsatScale.defaultFor(1, 5), 0, 0, 0);
    for (List<CsatSurveyCounts> surveys : List.of(List.<CsatSurveyCounts>of(), List.of(unanswered))) {
      Csat csat = CsatRule.rate(MONTH, surveys);

      assertThat(csat.answered()).isZero();
      assertThat(csat.ratePercent()).isEmpty();
      assertThat(csat.wilsonLowPercent()).isEmpty();
      assertThat(csat.wilsonHighPercent()).isEmpty();
      assertThat(csat.meanScore()).isEmpty();
      assertThat(csat.undefinedReason()).isEqualTo(UndefinedReason.NO_DATA);
    }
    assertThat(unanswered.meanScore()).isEmpty();
  }

  @ParameterizedTest(name = "answered {0}, satisfied {1}, sum {2}: {3}")
  @CsvSource({
      "5, 6, 30, need 0 <= satisfied <= answered",
      "-1, 0, 0, need 0 <= satisfied <= answered",
      "5, -1, 5, need 0 <= satisfied <= answered",
      // 2 satisfied (4 or 5) and 3 others (1 to 3) on 1-5 sum to 11..19
      "5, 2, 10, must be within 11..19",
      "5, 2, 20, must be within 11..19",
      "5, 2, -1, must be within 11..19",
  })
  void inconsistentCountsAreRejected(long answered, long satisfied, long scoreSum, String problem) {
    assertThatThrownBy(() -> new CsatSurveyCounts("s1", CsatScale.defaultFor(1, 5), answered, satisfied, scoreSum))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void boundaryScoreSumsAreAccepted() {
    CsatScale scale = CsatScale.defaultFor(1, 5);

    assertThat(new CsatSurveyCounts("s1", scale, 5, 2, 11).meanScore()).hasValue(2.2);
    assertThat(new CsatSurveyCounts("s1", scale, 5, 2, 19).meanScore()).hasValue(3.8);
  }

  @Test
  void whenEveryScoreIsSatisfiedEveryResponseMustBe() {
    assertThatThrownBy(() -> new CsatSurveyCounts("s1", new CsatScale(1, 5, 1), 3, 2, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("every score");
  }

  @Test
  void aSurveyCountedTwiceIsRejected() {
    CsatSurveyCounts once = survey("s1", CsatScale.defaultFor(1, 5), "5 4");

    assertThatThrownBy(() -> CsatRule.rate(MONTH, List.of(once, once)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s1");
  }
}
