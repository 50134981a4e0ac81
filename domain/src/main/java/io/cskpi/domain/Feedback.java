package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;

/**
 * A comment given outside a survey (a support chat, an app review), identified in its tenant by
 * the client-given feedback id. The text is kept exactly as given.
 */
public record Feedback(String feedbackId, String customerId, Instant time, String text, String languageCode,
    String channel) {

  public Feedback {
    Identifiers.recordId("feedback_id", feedbackId);
    Identifiers.recordId("customer_id", customerId);
    time = Instants.check("time", time);
    if (text == null || text.isBlank()) {
      throw CskpiException.invalid("text", "is required and must not be blank");
    }
    if (text.codePointCount(0, text.length()) > SurveyResponse.MAX_COMMENT_LENGTH) {
      throw CskpiException.invalid("text", "is longer than " + SurveyResponse.MAX_COMMENT_LENGTH + " characters");
    }
    languageCode = SurveyResponse.checkLanguage("language_code", languageCode);
    channel = channel == null || channel.isEmpty() ? null : channel;
    if (channel != null && !channel.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")) {
      throw CskpiException.invalid("channel", "must be 1-64 letters, digits, spaces, '.', '_' or '-'");
    }
  }
}
