package io.cskpi.domain.kpi.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A customer's health score and its explanation: Score = sum(w_i x s_i) / sum(w_i) over the
 * measures whose signal has a value; the others are reported missing and left out, never scored 0.
 * No measure with a value: no score.
 *
 * @param weightCoverage the weight of the measures with a value over the weight of all, 0-1
 */
public record HealthScore(int modelVersion, OptionalDouble score, Optional<String> band, List<MeasureScore> measures,
    double weightCoverage) {

  /** One measure's part: the signal's value and points, or missing. */
  public record MeasureScore(String signal, double weight, OptionalDouble value, OptionalDouble points) {

    public boolean missing() {
      return value.isEmpty();
    }
  }

  public HealthScore {
    measures = List.copyOf(measures);
  }

  static HealthScore of(HealthModel model, Map<String, Double> values) {
    double weighted = 0;
    double present = 0;
    double total = 0;
    List<MeasureScore> parts = new ArrayList<>();
    for (HealthMeasure measure : model.measures()) {
      total += measure.weight();
      Double value = values.get(measure.signal());
      if (value == null || !Double.isFinite(value)) {
        parts.add(new MeasureScore(measure.signal(), measure.weight(), OptionalDouble.empty(), OptionalDouble.empty()));
        continue;
      }
      double points = measure.rule().points(value);
      weighted += measure.weight() * points;
      present += measure.weight();
      parts.add(new MeasureScore(measure.signal(), measure.weight(), OptionalDouble.of(value), OptionalDouble.of(points)));
    }
    if (present == 0) {
      return new HealthScore(model.version(), OptionalDouble.empty(), Optional.empty(), parts, 0);
    }
    double score = weighted / present;
    return new HealthScore(model.version(), OptionalDouble.of(score), Optional.of(model.bands().bandOf(score)), parts,
        present / total);
  }

  public List<String> missingSignals() {
    return measures.stream().filter(MeasureScore::missing).map(MeasureScore::signal).toList();
  }
}
