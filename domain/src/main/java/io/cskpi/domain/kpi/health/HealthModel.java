package io.cskpi.domain.kpi.health;

import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import io.cskpi.domain.kpi.health.ScoringRule.Linear;
import io.cskpi.domain.kpi.health.ScoringRule.Tier;
import io.cskpi.domain.kpi.health.ScoringRule.Tiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A tenant's Customer Health Score model (spec section 6): weighted measures and bands. Versions
 * count from 1; version 0 is the default model, in force until the tenant sets one.
 */
public record HealthModel(int version, List<HealthMeasure> measures, HealthBands bands) {

  /** Most measures a model may hold. */
  public static final int MAX_MEASURES = 32;
  /** The largest weight (weights are normalised, so only their ratios matter). */
  public static final double MAX_WEIGHT = 1e6;

  /**
   * The default: recency (0 points at 180 days without a purchase, 100 at 0), frequency (tiers of
   * purchases in the last 90 days), the latest NPS score (0-10 onto 0-100) and the latest CSAT
   * share (0-1 onto 0-100), weighted 30, 25, 25, 20, with the default bands.
   */
  public static final HealthModel DEFAULT = new HealthModel(0, List.of(
      new HealthMeasure(HealthSignals.DAYS_SINCE_LAST_PURCHASE, 30, new Linear(180, 0)),
      new HealthMeasure(HealthSignals.PURCHASES_LAST_90_DAYS, 25, new Tiers(List.of(
          new Tier(OptionalDouble.empty(), OptionalDouble.of(0), 0),
          new Tier(OptionalDouble.of(0), OptionalDouble.of(1), 40),
          new Tier(OptionalDouble.of(1), OptionalDouble.of(3), 70),
          new Tier(OptionalDouble.of(3), OptionalDouble.empty(), 100)))),
      new HealthMeasure(HealthSignals.LATEST_NPS, 25, new Linear(0, 10)),
      new HealthMeasure(HealthSignals.LATEST_CSAT_SHARE, 20, new Linear(0, 1))), HealthBands.DEFAULT);

  public HealthModel {
    measures = List.copyOf(measures);
  }

  /**
   * A model with these measures and bands, or INVALID_ARGUMENT naming every offending field (no
   * measure, a weight that is not positive, a bad rule, a signal name that is not {@code known},
   * bands that do not cover 0-100).
   */
  public static HealthModel validated(int version, List<HealthMeasure> measures, HealthBands bands,
      Set<String> knownSignals) {
    List<FieldViolation> found = new ArrayList<>();
    if (measures.isEmpty()) {
      found.add(new FieldViolation("measures", "must hold at least one measure"));
    } else if (measures.size() > MAX_MEASURES) {
      found.add(new FieldViolation("measures", "holds more than " + MAX_MEASURES + " measures"));
    }
    Set<String> signals = new LinkedHashSet<>();
    for (int i = 0; i < measures.size(); i++) {
      HealthMeasure measure = measures.get(i);
      String path = "measures[" + i + "]";
      if (!HealthSignals.isValidName(measure.signal())) {
        found.add(new FieldViolation(path + ".signal", "must be 1-64 lower-case letters, digits or '_', from a letter"));
      } else if (!HealthSignals.isBuiltIn(measure.signal()) && !knownSignals.contains(measure.signal())) {
        found.add(new FieldViolation(path + ".signal", "no such signal: neither built in nor pushed for a customer"));
      } else if (!signals.add(measure.signal())) {
        found.add(new FieldViolation(path + ".signal", "is measured twice"));
      }
      if (!(measure.weight() > 0 && measure.weight() <= MAX_WEIGHT)) {
        found.add(new FieldViolation(path + ".weight", "must be a positive number up to 1e6"));
      }
      if (measure.rule() == null) {
        found.add(new FieldViolation(path, "needs a rule: linear or tiers"));
      } else {
        measure.rule().violations().forEach(v -> found.add(v.under(path)));
      }
    }
    bands.violations().forEach(found::add);
    if (!found.isEmpty()) {
      throw CskpiException.invalid(found);
    }
    return new HealthModel(version, measures, bands);
  }

  /** The signals the measures read, in measure order. */
  public List<String> signals() {
    return measures.stream().map(HealthMeasure::signal).toList();
  }

  /** Whether {@code other} has the same measures and bands, whatever the versions. */
  public boolean sameDefinition(HealthModel other) {
    return measures.equals(other.measures) && bands.equals(other.bands);
  }

  /** The score of a customer whose signals have {@code values} (a signal without a value is absent). */
  public HealthScore score(Map<String, Double> values) {
    return HealthScore.of(this, values);
  }
}
