package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Parses IANA time zone names. */
public final class TimeZones {

  private TimeZones() {}

  /** An IANA zone name such as "Europe/Madrid", "UTC" or "Etc/GMT+5"; offsets such as "+02:00" are refused. */
  public static ZoneId parse(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw CskpiException.invalid(field, "is required");
    }
    if (!ZoneId.getAvailableZoneIds().contains(name)) {
      throw CskpiException.invalid(field, "\"" + (name.length() > 64 ? name.substring(0, 64) : name)
          + "\" is not an IANA time zone such as \"Europe/Madrid\"");
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw CskpiException.invalid(field, "is not a valid time zone");
    }
  }
}
