package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.CsatScale;
import java.time.Instant;
import java.util.Objects;

/**
 * A survey definition: NPS (scores 0-10) or CSAT on its own scale with its lowest satisfied
 * score. Its definition never changes once created, so past answers keep their meaning.
 */
public record Survey(String surveyId, Kind kind, CsatScale scale, String displayName, Instant createTime) {

  /** What a survey measures. */
  public enum Kind { NPS, CSAT }

  /** The NPS question's scale; "satisfied" there means promoter. */
  public static final CsatScale NPS_SCALE = new CsatScale(0, 10, 9);

  public Survey {
    Identifiers.recordId("survey_id", surveyId);
    if (kind == null) {
      throw CskpiException.invalid("kind", "must be NPS or CSAT");
    }
    if (kind == Kind.NPS) {
      if (scale != null && !scale.equals(NPS_SCALE)) {
        throw CskpiException.invalid("csat_scale", "is only for CSAT surveys; NPS is always 0-10");
      }
      scale = NPS_SCALE;
    }
    Objects.requireNonNull(scale, "scale");
    displayName = displayName == null ? "" : displayName;
    if (displayName.codePointCount(0, displayName.length()) > Tenant.MAX_DISPLAY_NAME_LENGTH
        || displayName.codePoints().anyMatch(Character::isISOControl)) {
      throw CskpiException.invalid("display_name",
          "must be at most " + Tenant.MAX_DISPLAY_NAME_LENGTH + " characters without control characters");
    }
  }

  /** Whether {@code other} defines the same survey (a retried creation). */
  public boolean sameDefinition(Survey other) {
    return surveyId.equals(other.surveyId) && kind == other.kind && scale.equals(other.scale)
        && displayName.equals(other.displayName);
  }
}
