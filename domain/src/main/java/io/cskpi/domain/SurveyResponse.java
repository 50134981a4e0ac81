package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One answer to a survey: its score (absent for a response without one) and an optional comment
 * in an optional language. The comment is kept exactly as given; a blank one is no comment.
 */
public record SurveyResponse(String responseId, String surveyId, String customerId, Instant time, Integer score,
    String comment, String languageCode) {

  /** Comments longer than this many characters (code points) are refused. */
  public static final int MAX_COMMENT_LENGTH = 5000;
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  public SurveyResponse {
    Identifiers.recordId("response_id", responseId);
    Identifiers.recordId("survey_id", surveyId);
    Identifiers.recordId("customer_id", customerId);
    time = Instants.check("response_time", time);
    comment = comment == null || comment.isBlank() ? null : comment;
    if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH) {
      throw CskpiException.invalid("comment", "is longer than " + MAX_COMMENT_LENGTH + " characters");
    }
    languageCode = checkLanguage("language_code", languageCode);
  }

  /** A BCP-47 language code, or null when empty; INVALID_ARGUMENT on {@code field} otherwise. */
  static String checkLanguage(String field, String languageCode) {
    if (languageCode == null || languageCode.isEmpty()) {
      return null;
    }
    if (!LANGUAGE.matcher(languageCode).matches()) {
      throw CskpiException.invalid(field, "must be a BCP-47 code such as \"es\", \"en\" or \"pt-BR\"");
    }
    return languageCode;
  }

  /** Whether {@code other} is the same response (a retried delivery). */
  public boolean sameAs(SurveyResponse other) {
    return responseId.equals(other.responseId) && surveyId.equals(other.surveyId)
        && customerId.equals(other.customerId) && time.equals(other.time) && Objects.equals(score, other.score)
        && Objects.equals(comment, other.comment) && Objects.equals(languageCode, other.languageCode);
  }
}
