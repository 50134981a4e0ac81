package io.cskpi.application.port;

import io.cskpi.domain.kpi.feedback.CommentAnalysis;
import java.util.Optional;

/** Reads a comment's language, sentiment and themes (spec section 7). Stateless and thread-safe. */
public interface CommentAnalyzer {

  /**
   * @param text the comment as given (non-blank; at most 5,000 code points)
   * @param languageCode the client's language code (BCP 47, e.g. "es", "pt-BR"), if any; its
   *     primary subtag decides when it is es, en or pt, otherwise the language is detected
   */
  CommentAnalysis analyze(String text, Optional<String> languageCode);
}
