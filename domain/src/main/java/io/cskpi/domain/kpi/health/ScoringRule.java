package io.cskpi.domain.kpi.health;

import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** How a measure turns its signal's value into 0-100 points (spec section 6). */
public sealed interface ScoringRule {

  /** Points for {@code value}, 0 to 100. */
  double points(double value);

  /** What is wrong with the rule, field paths relative to the measure. */
  List<FieldViolation> violations();

  /**
   * Linear between the value worth 0 points and the value worth 100, in either direction, and
   * flat beyond them.
   */
  record Linear(double zeroPointsAt, double fullPointsAt) implements ScoringRule {

    public Linear {
      zeroPointsAt += 0.0; // -0.0 is 0
      fullPointsAt += 0.0;
    }

    @Override
    public double points(double value) {
      return Math.max(0, Math.min(100, 100 * (value - zeroPointsAt) / (fullPointsAt - zeroPointsAt)));
    }

    @Override
    public List<FieldViolation> violations() {
      List<FieldViolation> found = new ArrayList<>();
      for (var bound : List.of(java.util.Map.entry("zero_points_at", zeroPointsAt),
          java.util.Map.entry("full_points_at", fullPointsAt))) {
        if (!(Math.abs(bound.getValue()) <= MAX_BOUND)) {
          found.add(new FieldViolation("linear." + bound.getKey(), "must be a number from -1e15 to 1e15"));
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
      if (zeroPointsAt == fullPointsAt) {
        return List.of(new FieldViolation("linear.full_points_at", "must differ from zero_points_at"));
      }
      return List.of();
    }
  }

  /**
   * Tiers in increasing order, each worth its points for values above its lower bound (exclusive)
   * up to its upper bound (inclusive). The first tier has no lower bound and the last no upper
   * bound, and each tier starts where the one before ends, so every value falls in exactly one.
   */
  record Tiers(List<Tier> tiers) implements ScoringRule {

    /** Most tiers a rule may have. */
    public static final int MAX_TIERS = 32;

    public Tiers {
      tiers = List.copyOf(tiers);
    }

    @Override
    public double points(double value) {
      for (Tier tier : tiers) {
        if (tier.upTo().isEmpty() || value <= tier.upTo().getAsDouble()) {
          return tier.points();
        }
      }
      throw new IllegalStateException("the last tier has no upper bound");
    }

    @Override
    public List<FieldViolation> violations() {
      List<FieldViolation> found = new ArrayList<>();
      if (tiers.isEmpty() || tiers.size() > MAX_TIERS) {
        return List.of(new FieldViolation("tiers.tiers", "must hold 1 to " + MAX_TIERS + " tiers"));
      }
      for (int i = 0; i < tiers.size(); i++) {
        Tier tier = tiers.get(i);
        String path = "tiers.tiers[" + i + "]";
        if (!bounded(tier.above()) || !bounded(tier.upTo())) {
          found.add(new FieldViolation(path + (bounded(tier.above()) ? ".up_to" : ".above"),
              "must be a number from -1e15 to 1e15"));
          continue;
        }
        if (!(tier.points() >= 0 && tier.points() <= 100)) {
          found.add(new FieldViolation(path + ".points", "must be 0 to 100"));
        }
        if (i == 0 && tier.above().isPresent()) {
          found.add(new FieldViolation(path + ".above", "the first tier has no lower bound, so no value is left out"));
        }
        if (i > 0 && !tier.above().equals(tiers.get(i - 1).upTo())) {
          found.add(new FieldViolation(path + ".above", tier.above().isEmpty() ? "is required after the first tier"
              : tier.above().getAsDouble() < tiers.get(i - 1).upTo().orElse(Double.POSITIVE_INFINITY)
                  ? "overlaps the tier before, which ends at " + text(tiers.get(i - 1).upTo())
                  : "leaves a gap after the tier before, which ends at " + text(tiers.get(i - 1).upTo())));
        }
        if (i == tiers.size() - 1 && tier.upTo().isPresent()) {
          found.add(new FieldViolation(path + ".up_to", "the last tier has no upper bound, so no value is left out"));
        }
        if (i < tiers.size() - 1 && tier.upTo().isEmpty()) {
          found.add(new FieldViolation(path + ".up_to", "is required before the last tier"));
        }
        if (tier.above().isPresent() && tier.upTo().isPresent()
            && !(tier.upTo().getAsDouble() > tier.above().getAsDouble())) {
          found.add(new FieldViolation(path + ".up_to", "must be greater than above"));
        }
      }
      return found;
    }

    private static boolean bounded(OptionalDouble bound) {
      return bound.isEmpty() || Math.abs(bound.getAsDouble()) <= MAX_BOUND;
    }

    private static String text(OptionalDouble bound) {
      return bound.isEmpty() ? "no bound" : String.valueOf(bound.getAsDouble());
    }
  }

  /** Values in (above, upTo] are worth {@code points}; an empty bound is open. */
  record Tier(OptionalDouble above, OptionalDouble upTo, double points) {

    public Tier {
      above = above.isPresent() ? OptionalDouble.of(above.getAsDouble() + 0.0) : above; // -0.0 is 0
      upTo = upTo.isPresent() ? OptionalDouble.of(upTo.getAsDouble() + 0.0) : upTo;
      points += 0.0;
    }
  }

  /** The largest magnitude of a rule's bounds: far beyond any signal, and safe from overflow. */
  double MAX_BOUND = 1e15;
}
