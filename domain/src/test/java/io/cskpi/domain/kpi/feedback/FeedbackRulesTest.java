package io.cskpi.domain.kpi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.cskpi.domain.Survey;
import io.cskpi.domain.kpi.CsatScale;
import io.cskpi.domain.kpi.feedback.ThemeDrivers.Driver;
import io.cskpi.domain.kpi.feedback.ThemeDrivers.ThemeCounts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec section 7: drivers by weighted log-odds, score groups, sentiment labels, code-point cuts. */
class FeedbackRulesTest {

  /**
   * Expected values computed separately (Python, the formulas of Monroe et al. 2008 with the
   * period's counts as the prior): 100 theme occurrences among negative scores, 120 among
   * positive ones, 260 in all.
   */
  @Test
  void driversAreWeightedLogOddsWithTheRareThemesPulledToNothing() {
    var drivers = ThemeDrivers.of(List.of(new ThemeCounts("talla", "talla", 30, 5, 40),
        new ThemeCounts("calidad", "calidad", 5, 30, 40), new ThemeCounts("envio", "envío", 2, 0, 3),
        new ThemeCounts("color", "color", 0, 0, 5)), 100, 120, 260, 10);

    assertThat(drivers.negative()).extracting(Driver::key).containsExactly("talla", "envio");
    Driver talla = drivers.negative().get(0);
    assertThat(talla.logOddsRatio()).isCloseTo(0.5860823611235859, offset(1e-12));
    assertThat(talla.z()).isCloseTo(3.067361820938839, offset(1e-12));
    assertThat(drivers.negative().get(1).z()).as("seen twice: weak").isCloseTo(0.7818096232049019, offset(1e-12));
    assertThat(drivers.positive()).singleElement().satisfies(calidad -> {
      assertThat(calidad.key()).isEqualTo("calidad");
      assertThat(calidad.logOddsRatio()).isCloseTo(0.4578330936254804, offset(1e-12));
      assertThat(calidad.z()).isCloseTo(2.3961474442889528, offset(1e-12));
    });
    assertThat(ThemeDrivers.of(List.of(new ThemeCounts("talla", "talla", 3, 0, 3)), 3, 0, 3, 10).negative())
        .as("no positive comment: no comparison").isEmpty();
  }

  private static Survey csat(int min, int max, int satisfiedFrom) {
    return new Survey("s", Survey.Kind.CSAT, new CsatScale(min, max, satisfiedFrom), "", Instant.EPOCH);
  }

  @ParameterizedTest(name = "NPS {0}: {1}")
  @CsvSource({"0, NEGATIVE", "6, NEGATIVE", "7, NONE", "8, NONE", "9, POSITIVE", "10, POSITIVE"})
  void npsGroupsAreDetractorsAndPromoters(int score, ScoreGroup group) {
    assertThat(ScoreGroup.of(new Survey("n", Survey.Kind.NPS, null, "", Instant.EPOCH), score)).isEqualTo(group);
  }

  @ParameterizedTest(name = "CSAT {0} on {1}-{2}, satisfied from {3}: {4}")
  @CsvSource({"1, 1, 5, 4, NEGATIVE", "2, 1, 5, 4, NEGATIVE", "3, 1, 5, 4, NONE", "4, 1, 5, 4, POSITIVE",
      "5, 1, 5, 4, POSITIVE", "5, 1, 10, 6, NEGATIVE", "6, 1, 10, 6, POSITIVE", "3, 1, 7, 6, NEGATIVE",
      "4, 1, 7, 6, NONE"})
  void csatGroupsAreBelowTheMiddleAndSatisfied(int score, int min, int max, int from, ScoreGroup group) {
    assertThat(ScoreGroup.of(csat(min, max, from), score)).isEqualTo(group);
  }

  @Test
  void aResponseWithoutAScoreIsInNoGroup() {
    assertThat(ScoreGroup.of(csat(1, 5, 4), null)).isEqualTo(ScoreGroup.NONE);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"-0.06, NEGATIVE", "-0.05, NEUTRAL", "0, NEUTRAL", "0.05, NEUTRAL", "0.0501, POSITIVE"})
  void sentimentLabelsUseVaderThresholds(double score, Sentiment label) {
    assertThat(Sentiment.of(score)).isEqualTo(label);
  }

  @Test
  void cutsCountCodePointsAndNeverSplitASurrogatePair() {
    String text = "a".repeat(199) + "😀" + "tail";
    String cut = Texts.firstCodePoints(text, 200);
    assertThat(cut).isEqualTo("a".repeat(199) + "😀");
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(200);
    assertThat(Texts.firstCodePoints("short", 200)).isEqualTo("short");
  }
}
