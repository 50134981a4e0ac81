package io.cskpi.domain.kpi.feedback;

/** The sentiment label of a comment. */
public enum Sentiment {
  NEGATIVE,
  NEUTRAL,
  POSITIVE;

  /** Below -0.05 negative, above 0.05 positive, neutral between (VADER's thresholds on -1..1). */
  public static Sentiment of(double score) {
    return score < -0.05 ? NEGATIVE : score > 0.05 ? POSITIVE : NEUTRAL;
  }
}
