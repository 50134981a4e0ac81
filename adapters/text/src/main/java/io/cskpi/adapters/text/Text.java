package io.cskpi.adapters.text;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/** Small text helpers shared by the analysis steps. */
final class Text {

  private Text() {}

  /** Lower case (locale independent) and accent-folded with Lucene's ASCII folding: "Pésimo" -> "pesimo". */
  static String key(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) >= 0x80) {
        char[] in = lower.toCharArray();
        char[] out = new char[in.length * 4];
        return new String(out, 0, ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length));
      }
    }
    return lower;
  }

  /** Whether the text between two tokens ends a sentence (for the contrast rule). */
  static boolean endsSentence(CharSequence gap) {
    for (int i = 0; i < gap.length(); i++) {
      switch (gap.charAt(i)) {
        case '.', '!', '?', ';', '\n', '\r', '…' -> { return true; }
        default -> { }
      }
    }
    return false;
  }

  /** Whether the text between two tokens ends a clause (scope of negation and boosters; bigrams). */
  static boolean endsClause(CharSequence gap) {
    for (int i = 0; i < gap.length(); i++) {
      switch (gap.charAt(i)) {
        case ',', ':', '(', ')', '[', ']', '"', '“', '”', '«', '»', '–', '—', '/', '|' -> { return true; }
        case '-' -> { if (i > 0 && gap.charAt(i - 1) == ' ') return true; }
        default -> { }
      }
    }
    return endsSentence(gap);
  }
}
