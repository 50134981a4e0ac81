package io.cskpi.domain.kpi.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import io.cskpi.domain.kpi.health.HealthBands.Band;
import io.cskpi.domain.kpi.health.ScoringRule.Linear;
import io.cskpi.domain.kpi.health.ScoringRule.Tier;
import io.cskpi.domain.kpi.health.ScoringRule.Tiers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec section 6: the score, its missing measures, the rules and the validation of a model. */
class HealthModelTest {

  private static final Set<String> PUSHED = Set.of("usage", "nps", "support", "a", "b", "c");

  private static HealthMeasure identity(String signal, double weight) {
    return new HealthMeasure(signal, weight, new Linear(0, 100));
  }

  private static HealthModel model(List<HealthMeasure> measures) {
    return HealthModel.validated(1, measures, HealthBands.DEFAULT, PUSHED);
  }

  private static OptionalDouble none() {
    return OptionalDouble.empty();
  }

  private static OptionalDouble of(double value) {
    return OptionalDouble.of(value);
  }

  @Test
  void theSpecExampleIs40Point12AndRed() {
    HealthScore score = model(List.of(identity("a", 20), identity("b", 15), identity("c", 22)))
        .score(Map.of("a", 47.0, "b", 59.0, "c", 21.0));

    assertThat(score.score().getAsDouble()).isCloseTo(2287.0 / 57, offset(1e-12)).isCloseTo(40.12, offset(0.005));
    assertThat(score.band()).contains("red");
    assertThat(score.weightCoverage()).isEqualTo(1.0);
    assertThat(score.measures()).extracting(HealthScore.MeasureScore::points).containsExactly(of(47), of(59), of(21));
    assertThat(score.modelVersion()).isEqualTo(1);
  }

  @Test
  void aMissingMeasureIsLeftOutNeverScoredZero() {
    HealthScore score = model(List.of(identity("usage", 0.4), identity("nps", 0.3), identity("support", 0.3)))
        .score(Map.of("usage", 80.0, "support", 60.0));

    assertThat(score.score().getAsDouble()).isCloseTo(71.43, offset(0.005)).isNotCloseTo(50, offset(1.0));
    assertThat(score.missingSignals()).containsExactly("nps");
    assertThat(score.weightCoverage()).isCloseTo(0.7, offset(1e-12));
    assertThat(score.band()).contains("yellow");
  }

  @Test
  void noMeasureWithAValueGivesNoScore() {
    HealthScore score = model(List.of(identity("usage", 0.4), identity("nps", 0.3))).score(Map.of());
    assertThat(score.score()).isEmpty();
    assertThat(score.band()).isEmpty();
    assertThat(score.weightCoverage()).isZero();
    assertThat(score.missingSignals()).containsExactly("usage", "nps");
  }

  @ParameterizedTest(name = "{0} days since the last purchase: {1} points")
  @CsvSource({"0, 100", "90, 50", "180, 0", "400, 0", "-5, 100"})
  void linearRulesRunEitherWayAndAreFlatBeyondTheirBounds(double days, double points) {
    assertThat(new Linear(180, 0).points(days)).isCloseTo(points, offset(1e-12));
  }

  @ParameterizedTest(name = "{0} purchases: {1} points")
  @CsvSource({"-1, 0", "0, 0", "0.5, 40", "1, 40", "1.01, 70", "3, 70", "3.5, 100", "1000, 100"})
  void upperBoundsOfTiersAreInclusive(double purchases, double points) {
    ScoringRule frequency = HealthModel.DEFAULT.measures().get(1).rule();
    assertThat(frequency.points(purchases)).isEqualTo(points);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"0, red", "50, red", "50.01, yellow", "75, yellow", "75.5, green", "100, green"})
  void defaultBandsAreRedToFiftyYellowToSeventyFiveThenGreen(double score, String band) {
    assertThat(HealthBands.DEFAULT.bandOf(score)).isEqualTo(band);
  }

  @Test
  void theDefaultModelIsValidAndReadsTheBuiltInSignals() {
    HealthModel checked = HealthModel.validated(0, HealthModel.DEFAULT.measures(), HealthModel.DEFAULT.bands(), Set.of());
    assertThat(checked).isEqualTo(HealthModel.DEFAULT);
    assertThat(HealthModel.DEFAULT.signals()).containsExactlyElementsOf(HealthSignals.BUILT_IN);
  }

  private static List<String> fieldsOf(List<HealthMeasure> measures, HealthBands bands) {
    try {
      HealthModel.validated(1, measures, bands, PUSHED);
    } catch (CskpiException e) {
      assertThat(e.kind()).isEqualTo(CskpiException.Kind.INVALID_ARGUMENT);
      return e.violations().stream().map(FieldViolation::field).toList();
    }
    throw new AssertionError("accepted");
  }

  private static Tiers tiers(Tier... tiers) {
    return new Tiers(List.of(tiers));
  }

  @Test
  void badModelsAreRefusedWithTheFieldNamed() {
    HealthBands bands = HealthBands.DEFAULT;
    assertThat(fieldsOf(List.of(), bands)).containsExactly("measures");
    assertThat(fieldsOf(List.of(identity("usage", 0)), bands)).containsExactly("measures[0].weight");
    assertThat(fieldsOf(List.of(identity("usage", 1), identity("nps", -2)), bands)).containsExactly("measures[1].weight");
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, new Linear(5, 5))), bands))
        .containsExactly("measures[0].linear.full_points_at");
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, tiers(new Tier(none(), of(10), 0),
        new Tier(of(5), none(), 100)))), bands)).as("overlap").containsExactly("measures[0].tiers.tiers[1].above");
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, tiers(new Tier(none(), of(10), 0),
        new Tier(of(12), none(), 100)))), bands)).as("gap").containsExactly("measures[0].tiers.tiers[1].above");
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, tiers(new Tier(of(0), of(10), 0),
        new Tier(of(10), of(20), 100)))), bands)).as("open ends")
        .containsExactly("measures[0].tiers.tiers[0].above", "measures[0].tiers.tiers[1].up_to");
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, tiers(new Tier(none(), none(), 120)))), bands))
        .containsExactly("measures[0].tiers.tiers[0].points");
    assertThat(fieldsOf(List.of(identity("logins_per_week", 1)), bands)).as("unknown signal")
        .containsExactly("measures[0].signal");
    assertThat(fieldsOf(List.of(identity("usage", 1), identity("usage", 2)), bands))
        .containsExactly("measures[1].signal");
    assertThat(fieldsOf(List.of(identity("Usage!", 1)), bands)).containsExactly("measures[0].signal");
  }

  @Test
  void hugeWeightsAndBoundsAreRefusedSoNoScoreOverflows() {
    assertThat(fieldsOf(List.of(identity("usage", 1e308)), HealthBands.DEFAULT)).containsExactly("measures[0].weight");
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, new Linear(-1e308, 1e308))), HealthBands.DEFAULT))
        .containsExactly("measures[0].linear.zero_points_at", "measures[0].linear.full_points_at");
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, new Linear(Double.NaN, 1))), HealthBands.DEFAULT))
        .containsExactly("measures[0].linear.zero_points_at");
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, tiers(new Tier(none(), of(Double.NaN), 0),
        new Tier(of(Double.NaN), none(), 100)))), HealthBands.DEFAULT)).contains("measures[0].tiers.tiers[0].up_to");
    HealthModel widest = HealthModel.validated(1, List.of(new HealthMeasure("usage", 1e6, new Linear(-1e15, 1e15)),
        new HealthMeasure("nps", 1e6, new Linear(0, 10))), HealthBands.DEFAULT, PUSHED);
    HealthScore score = widest.score(Map.of("usage", 1e308, "nps", -1e308));
    assertThat(score.score().getAsDouble()).isEqualTo(50.0);
    assertThat(score.weightCoverage()).isEqualTo(1.0);
  }

  @Test
  void negativeZeroIsZeroSoARetriedModelIsTheSame() {
    HealthModel plus = model(List.of(new HealthMeasure("usage", 1, new Linear(0.0, 100)),
        new HealthMeasure("nps", 2, tiers(new Tier(none(), of(0.0), 0.0), new Tier(of(0.0), none(), 100)))));
    HealthModel minus = model(List.of(new HealthMeasure("usage", 1, new Linear(-0.0, 100)),
        new HealthMeasure("nps", 2, tiers(new Tier(none(), of(-0.0), -0.0), new Tier(of(-0.0), none(), 100)))));
    assertThat(minus.sameDefinition(plus)).isTrue();
    assertThat(new io.cskpi.domain.Signal("s", "c", "usage", java.time.Instant.EPOCH, -0.0))
        .isEqualTo(new io.cskpi.domain.Signal("s", "c", "usage", java.time.Instant.EPOCH, 0.0));
  }

  @Test
  void tiersAndBandsHaveLimits() {
    List<Tier> many = new java.util.ArrayList<>();
    many.add(new Tier(none(), of(0), 0));
    for (int i = 0; i < 32; i++) {
      many.add(new Tier(of(i), of(i + 1), 50));
    }
    many.add(new Tier(of(32), none(), 100));
    assertThat(fieldsOf(List.of(new HealthMeasure("usage", 1, new Tiers(many))), HealthBands.DEFAULT))
        .containsExactly("measures[0].tiers.tiers");
    List<Band> bands = new java.util.ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      bands.add(new Band("b" + i, i == 11 ? 100 : i));
    }
    assertThat(fieldsOf(List.of(identity("usage", 1)), new HealthBands(bands))).containsExactly("bands");
  }

  @Test
  void bandsMustCoverZeroToHundred() {
    List<HealthMeasure> ok = List.of(identity("usage", 1));
    assertThat(fieldsOf(ok, new HealthBands(List.of(new Band("red", 50), new Band("green", 90)))))
        .containsExactly("bands[1].up_to");
    assertThat(fieldsOf(ok, new HealthBands(List.of(new Band("red", 60), new Band("yellow", 40),
        new Band("green", 100))))).containsExactly("bands[1].up_to");
    assertThat(fieldsOf(ok, new HealthBands(List.of(new Band("red", 50), new Band("red", 100)))))
        .containsExactly("bands[1].name");
    assertThat(fieldsOf(ok, new HealthBands(List.of()))).containsExactly("bands");
    Map<String, Double> values = new HashMap<>();
    values.put("usage", 95.0);
    HealthModel twoBands = HealthModel.validated(3, ok, new HealthBands(List.of(new Band("at-risk", 60),
        new Band("healthy", 100))), PUSHED);
    assertThat(twoBands.score(values).band()).contains("healthy");
  }
}
