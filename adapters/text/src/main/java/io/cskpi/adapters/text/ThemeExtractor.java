package io.cskpi.adapters.text;

import io.cskpi.domain.kpi.feedback.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Themes of a comment: each word left by the language's Lucene analyzer (stop words removed,
 * stemmed) and each two-word phrase of words that were adjacent in the same clause (no stop word,
 * dropped token or punctuation between). Numbers, emoji and words of 1-2 letters are not themes.
 * The key is the stemmed form, the text the words as written, lower case.
 */
final class ThemeExtractor {

  static final int MAX_LENGTH = 128;
  private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
  private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];

  private ThemeExtractor() {}

  /** @param text the comment to analyse; @param written the same comment as written, for the surface forms */
  static List<Theme> themes(String text, String written, Analyzer analyzer) {
    Map<String, Theme> themes = new LinkedHashMap<>();
    try (TokenStream ts = analyzer.tokenStream("comment", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      String previousKey = null;
      String previousText = null;
      int previousEnd = 0;
      while (ts.incrementToken()) {
        String surface = written.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
        boolean theme = !type.type().equals(NUM) && !type.type().equals(EMOJI)
            && surface.codePointCount(0, surface.length()) > 2 && surface.chars().anyMatch(Character::isLetter);
        if (!theme) {
          previousKey = null;
          continue;
        }
        String key = term.toString();
        add(themes, key, surface);
        boolean adjacent = previousKey != null && increment.getPositionIncrement() == 1
            && !Text.endsClause(text.subSequence(previousEnd, offset.startOffset()));
        if (adjacent) add(themes, previousKey + " " + key, previousText + " " + surface);
        previousKey = key;
        previousText = surface;
        previousEnd = offset.endOffset();
      }
      ts.end();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible); // reading a String
    }
    return new ArrayList<>(themes.values());
  }

  private static void add(Map<String, Theme> themes, String key, String text) {
    if (key.length() <= MAX_LENGTH && text.length() <= MAX_LENGTH) themes.putIfAbsent(key, new Theme(key, text));
  }
}
