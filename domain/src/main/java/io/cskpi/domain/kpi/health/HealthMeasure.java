package io.cskpi.domain.kpi.health;

/** One measure of a health model: a signal, its weight (any positive number) and its scoring rule. */
public record HealthMeasure(String signal, double weight, ScoringRule rule) {

  public HealthMeasure {
    weight += 0.0; // -0.0 is 0
  }
}
