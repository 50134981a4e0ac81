package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A client company and its settings. */
public record Tenant(TenantId id, String displayName, ZoneId timeZone, ChurnPolicy churnPolicy,
    Instant createTime) {

  public static final int MAX_DISPLAY_NAME_LENGTH = 200;

  public Tenant {
    Objects.requireNonNull(id);
    displayName = displayName == null ? "" : displayName;
    if (displayName.codePointCount(0, displayName.length()) > MAX_DISPLAY_NAME_LENGTH
        || displayName.codePoints().anyMatch(Character::isISOControl)) {
      throw CskpiException.invalid("display_name",
          "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters without control characters");
    }
    timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    churnPolicy = churnPolicy == null ? new ChurnPolicy.LifecycleEvents() : churnPolicy;
  }
}
