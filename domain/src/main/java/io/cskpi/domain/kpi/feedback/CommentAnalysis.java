package io.cskpi.domain.kpi.feedback;

import java.util.List;

/**
 * What the service reads in a comment, once, when it arrives.
 *
 * @param language "es", "en", "pt" or "other": the one given by the client when it is one of
 *     those, else the detected one
 * @param languageDetected whether {@code language} was detected rather than given
 * @param sentimentScore -1 (most negative) to 1 (most positive)
 * @param themes distinct by key, in order of first appearance
 */
public record CommentAnalysis(String language, boolean languageDetected, double sentimentScore, List<Theme> themes) {

  public CommentAnalysis {
    themes = List.copyOf(themes);
  }

  public Sentiment sentiment() {
    return Sentiment.of(sentimentScore);
  }
}
