package io.cskpi.domain.kpi.feedback;

/** Cuts of text that count code points, so an emoji or any character outside the BMP is never split. */
public final class Texts {

  private Texts() {}

  /** The first {@code max} code points of {@code text} (all of it when shorter). */
  public static String firstCodePoints(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max));
  }
}
