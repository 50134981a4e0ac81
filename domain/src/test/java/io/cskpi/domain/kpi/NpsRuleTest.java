package io.cskpi.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.cskpi.domain.Period;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpsRuleTest {

  private static final Period MONTH = Period.between(Instant.parse("2025-01-01T00:00:00Z"),
      Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

  private static NpsCounts counts(String scores) {
    return NpsCounts.of(Arrays.stream(scores.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray());
  }

  @Test
  void specExample() {
    // 120 responses: 60 promoters, 40 passives, 20 detractors
    long[] byScore = new long[11];
    byScore[10] = 35;
    byScore[9] = 25;
    byScore[8] = 30;
    byScore[7] = 10;
    byScore[6] = 12;
    byScore[0] = 8;
    Nps nps = NpsRule.score(MONTH, new NpsCounts(byScore));

    assertThat(nps.responses()).isEqualTo(120);
    assertThat(nps.counts().promoters()).isEqualTo(60);
    assertThat(nps.counts().passives()).isEqualTo(40);
    assertThat(nps.counts().detractors()).isEqualTo(20);
    assertThat(nps.score().getAsDouble()).isCloseTo(33.333333333333, offset(1e-9));
    assertThat(nps.promoterPercent()).hasValue(50.0);
    assertThat(nps.passivePercent().getAsDouble()).isCloseTo(33.333333333333, offset(1e-9));
    assertThat(nps.detractorPercent().getAsDouble()).isCloseTo(16.666666666667, offset(1e-9));
    // the spec's rounded figures
    assertThat(nps.standardError().getAsDouble()).isCloseTo(6.80, offset(0.005));
    assertThat(nps.marginOfError95().getAsDouble()).isCloseTo(13.34, offset(0.005));
    // and by hand: p + d - (p - d)^2 = 1/2 + 1/6 - 1/9 = 5/9, / 120 = 1/216
    assertThat(nps.standardError().getAsDouble()).isCloseTo(100 / Math.sqrt(216), offset(1e-12));
    assertThat(nps.marginOfError95().getAsDouble()).isCloseTo(196 / Math.sqrt(216), offset(1e-12));
    assertThat(nps.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @ParameterizedTest(name = "[{0}]: NPS {1}, SE {2}")
  @CsvSource({
      // the brief's 1-10 scale is a subset of 0-10: 2 promoters, 2 passives, 6 detractors
      "1 2 3 4 5 6 7 8 9 10, -40.0, 25.29822128134704",
      // all eleven scores: 2 promoters, 7 detractors, -500/11
      "0 1 2 3 4 5 6 7 8 9 10, -45.45454545454545, 23.579078706920832",
      // a passive is neither: 0, with no spread at all
      "7 8 7, 0.0, 0.0",
      "10, 100.0, 0.0",
      "9 10 9 10, 100.0, 0.0",
      "0, -100.0, 0.0",
      "6 9, 0.0, 70.71067811865476",
  })
  void scoreIsPromoterPercentMinusDetractorPercent(String scores, double expected, double standardError) {
    Nps nps = NpsRule.score(MONTH, counts(scores));

    assertThat(nps.score().getAsDouble()).isCloseTo(expected, offset(1e-12));
    assertThat(nps.standardError().getAsDouble()).isCloseTo(standardError, offset(1e-12));
    assertThat(nps.marginOfError95().getAsDouble()).isCloseTo(1.96 * standardError, offset(1e-12));
    assertThat(nps.promoterPercent().getAsDouble() + nps.passivePercent().getAsDouble()
        + nps.detractorPercent().getAsDouble()).isCloseTo(100.0, offset(1e-12));
    assertThat(nps.undefinedReason()).isEqualTo(UndefinedReason.NONE);
  }

  @Test
  void elevenScoresGiveMinusFiveHundredOverEleven() {
    Nps nps = NpsRule.score(MONTH, counts("0 1 2 3 4 5 6 7 8 9 10"));

    assertThat(nps.score().getAsDouble()).isCloseTo(-500.0 / 11, offset(1e-12));
  }

  @ParameterizedTest(name = "score {0} is rejected")
  @ValueSource(ints = {11, -1, 100, Integer.MIN_VALUE})
  void scoresOutsideZeroToTenAreRejected(int score) {
    assertThatThrownBy(() -> NpsCounts.of(5, score))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(score));
  }

  @ParameterizedTest(name = "{0} counts are rejected")
  @ValueSource(ints = {0, 10, 12})
  void countsNeedElevenScores(int length) {
    assertThatThrownBy(() -> new NpsCounts(new long[length]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11");
  }

  @Test
  void negativeCountsAreRejected() {
    long[] byScore = new long[11];
    byScore[3] = -1;

    assertThatThrownBy(() -> new NpsCounts(byScore))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score 3");
  }

  @Test
  void noResponsesIsNoDataNotZero() {
    for (NpsCounts none : new NpsCounts[] {NpsCounts.of(), new NpsCounts(new long[11])}) {
      Nps nps = NpsRule.score(MONTH, none);

      assertThat(nps.score()).isEmpty();
      assertThat(nps.promoterPercent()).isEmpty();
      assertThat(nps.passivePercent()).isEmpty();
      assertThat(nps.detractorPercent()).isEmpty();
      assertThat(nps.standardError()).isEmpty();
      assertThat(nps.marginOfError95()).isEmpty();
      assertThat(nps.responses()).isZero();
      assertThat(nps.undefinedReason()).isEqualTo(UndefinedReason.NO_DATA);
    }
  }

  @Test
  void countsAreValuesOverTheArrayContentAndCannotBeChangedFromOutside() {
    long[] byScore = new long[11];
    byScore[9] = 1;
    byScore[4] = 2;
    NpsCounts counts = new NpsCounts(byScore);
    byScore[9] = 99;
    counts.byScore()[4] = 99;

    assertThat(counts).isEqualTo(NpsCounts.of(4, 9, 4)).hasSameHashCodeAs(NpsCounts.of(9, 4, 4));
    assertThat(counts).isNotEqualTo(NpsCounts.of(4, 9));
    assertThat(counts.count(9)).isEqualTo(1);
    assertThat(counts.count(4)).isEqualTo(2);
    assertThat(counts.responses()).isEqualTo(3);
  }
}
