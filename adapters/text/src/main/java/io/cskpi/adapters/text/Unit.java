package io.cskpi.adapters.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A unit of a comment for language detection and sentiment: a word, number, emoji or emoticon, as
 * written ({@code raw}) and as looked up ({@code key}: lower case, accent-folded; emoji without
 * variation selectors and skin tones), with whether a clause or a sentence ends before it.
 */
record Unit(String raw, String key, Kind kind, boolean clauseStart, boolean sentenceStart) {

  enum Kind { WORD, NUMBER, EMOJI }

  /** Text emoticons, which StandardTokenizer drops as punctuation; only between spaces or at the ends. */
  private static final Pattern EMOTICON =
      Pattern.compile("(?<=^|\\s)(:-?\\)|:-?D|;\\)|<3|:-?\\(|:'\\(|:/)(?=$|\\s|[.,!?])");

  private static final String EMOJI_TYPE = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];
  private static final String NUM_TYPE = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

  /** Cuts {@code text} with Lucene's StandardTokenizer (through {@code plain}, which reuses it per thread). */
  static List<Unit> split(String text, Analyzer plain) {
    List<int[]> emoticons = new ArrayList<>();
    Matcher m = EMOTICON.matcher(text);
    while (m.find()) emoticons.add(new int[] {m.start(), m.end()});
    List<Unit> units = new ArrayList<>();
    int previousEnd = 0;
    int e = 0;
    try (TokenStream ts = plain.tokenStream("comment", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        int start = offset.startOffset();
        while (e < emoticons.size() && emoticons.get(e)[0] < start) {
          int[] span = emoticons.get(e++);
          String emo = text.substring(span[0], span[1]);
          units.add(unit(text, previousEnd, span[0], emo, emo, Kind.EMOJI, units.isEmpty()));
          previousEnd = span[1];
        }
        if (start < previousEnd) continue; // a letter inside an emoticon such as ":D"
        String raw = term.toString();
        Kind kind = type.type().equals(EMOJI_TYPE) ? Kind.EMOJI : type.type().equals(NUM_TYPE) ? Kind.NUMBER : Kind.WORD;
        String key = kind == Kind.EMOJI ? bareEmoji(raw) : Text.key(raw);
        units.add(unit(text, previousEnd, start, raw, key, kind, units.isEmpty()));
        previousEnd = offset.endOffset();
      }
      ts.end();
    } catch (java.io.IOException impossible) {
      throw new java.io.UncheckedIOException(impossible); // reading a String
    }
    for (; e < emoticons.size(); e++) {
      int[] span = emoticons.get(e);
      String emo = text.substring(span[0], span[1]);
      units.add(unit(text, previousEnd, span[0], emo, emo, Kind.EMOJI, units.isEmpty()));
      previousEnd = span[1];
    }
    return units;
  }

  private static Unit unit(String text, int gapStart, int start, String raw, String key, Kind kind, boolean first) {
    CharSequence gap = text.subSequence(Math.min(gapStart, start), start);
    return new Unit(raw, key, kind, first || Text.endsClause(gap), first || Text.endsSentence(gap));
  }

  /** The emoji without variation selectors, zero-width joiners and skin-tone modifiers. */
  static String bareEmoji(String emoji) {
    StringBuilder b = new StringBuilder(emoji.length());
    emoji.codePoints()
        .filter(c -> c != 0xFE0F && c != 0xFE0E && c != 0x200D && (c < 0x1F3FB || c > 0x1F3FF))
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  boolean isAllCaps() {
    int letters = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLowerCase(c)) return false;
      if (Character.isUpperCase(c)) letters++;
    }
    return letters > 1;
  }
}
