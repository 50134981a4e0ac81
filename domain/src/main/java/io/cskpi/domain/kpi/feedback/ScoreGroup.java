package io.cskpi.domain.kpi.feedback;

import io.cskpi.domain.Survey;

/**
 * The score group a comment's response falls in, the groups whose themes the drivers compare:
 * NPS detractors (0-6) and promoters (9-10); on a CSAT scale, scores below its middle and
 * satisfied scores (from the survey's lowest satisfied score). Everything else, and comments
 * without a score, are in no group.
 */
public enum ScoreGroup {
  NEGATIVE,
  POSITIVE,
  NONE;

  public static ScoreGroup of(Survey survey, Integer score) {
    if (survey == null || score == null) {
      return NONE;
    }
    if (survey.kind() == Survey.Kind.NPS) {
      return score <= 6 ? NEGATIVE : score >= 9 ? POSITIVE : NONE;
    }
    var scale = survey.scale();
    return scale.satisfied(score) ? POSITIVE : score < (scale.min() + scale.max()) / 2.0 ? NEGATIVE : NONE;
  }
}
