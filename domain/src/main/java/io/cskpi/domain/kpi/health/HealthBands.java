package io.cskpi.domain.kpi.health;

import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Named bands over 0-100, in increasing order: a score belongs to the first band whose upper bound
 * (inclusive) it does not exceed, so each band runs from over the previous bound to its own.
 */
public record HealthBands(List<Band> bands) {

  /** A band ending at {@code upTo}, inclusive. */
  public record Band(String name, double upTo) {

    public Band {
      upTo += 0.0; // -0.0 is 0
    }
  }

  /** Most bands a model may have. */
  public static final int MAX_BANDS = 10;

  public static final HealthBands DEFAULT = new HealthBands(List.of(new Band("red", 50), new Band("yellow", 75),
      new Band("green", 100)));

  public HealthBands {
    bands = List.copyOf(bands);
  }

  public String bandOf(double score) {
    for (Band band : bands) {
      if (score <= band.upTo()) {
        return band.name();
      }
    }
    return bands.get(bands.size() - 1).name();
  }

  public List<String> names() {
    return bands.stream().map(Band::name).toList();
  }

  /** Field paths relative to the model: bands[i].name, bands[i].up_to. */
  List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (bands.isEmpty() || bands.size() > MAX_BANDS) {
      return List.of(new FieldViolation("bands", "must hold 1 to " + MAX_BANDS + " bands, the last ending at 100"));
    }
    Set<String> names = new HashSet<>();
    double previous = 0;
    for (int i = 0; i < bands.size(); i++) {
      Band band = bands.get(i);
      String path = "bands[" + i + "]";
      if (!band.name().matches("[a-z][a-z0-9_-]{0,31}")) {
        found.add(new FieldViolation(path + ".name",
            "must be 1-32 lower-case letters, digits, '-' or '_', starting with a letter"));
      } else if (!names.add(band.name())) {
        found.add(new FieldViolation(path + ".name", "repeats the name of an earlier band"));
      }
      if (!(band.upTo() > previous || (i == 0 && band.upTo() >= 0))) {
        found.add(new FieldViolation(path + ".up_to", i == 0 ? "must be 0 to 100"
            : "must be greater than the band before, which ends at " + previous));
      }
      if (i == bands.size() - 1 && band.upTo() != 100) {
        found.add(new FieldViolation(path + ".up_to", "the last band ends at 100, so bands cover 0-100"));
      } else if (band.upTo() > 100) {
        found.add(new FieldViolation(path + ".up_to", "must be 0 to 100"));
      }
      previous = band.upTo();
    }
    return found;
  }
}
