package io.cskpi.domain.kpi.feedback;

import java.time.Instant;

/**
 * A comment as stored with its analysis: of a survey response (with its survey, score and score
 * group) or stand-alone feedback (with its channel).
 *
 * @param sourceId the response id or the feedback id
 * @param languageCode the language code the client gave, or null
 * @param scaleMin the score's survey scale, for a response with a score; else null
 */
public record Comment(Source source, String sourceId, String customerId, Instant time, String text,
    String languageCode, String surveyId, Integer score, Integer scaleMin, Integer scaleMax, ScoreGroup group,
    String channel, CommentAnalysis analysis) {

  /** Where a comment comes from. */
  public enum Source { RESPONSE, FEEDBACK }
}
