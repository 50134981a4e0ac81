package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instants the service stores: from 1900 to 9999 (what MySQL's DATETIME holds), at
 * microsecond precision (finer digits are dropped, as the store would drop them).
 */
public final class Instants {

  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Instants() {}

  public static Instant check(String field, Instant instant) {
    if (instant == null) {
      throw CskpiException.invalid(field, "is required");
    }
    instant = instant.truncatedTo(ChronoUnit.MICROS);
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw CskpiException.invalid(field, "must be from 1900-01-01 to 9999-12-31, was " + instant);
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
