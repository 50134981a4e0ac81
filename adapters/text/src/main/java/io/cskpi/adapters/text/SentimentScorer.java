package io.cskpi.adapters.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * VADER's method (Hutto and Gilbert, ICWSM 2014) over one language's lexicon.
 *
 * <ol>
 *   <li>Multiword entries ("vale la pena", "sin embargo", "kind of") are joined first, within a clause.
 *   <li>Each word or emoji takes its lexicon valence (-4..4); modifiers (negators, boosters, contrast
 *       words) take none. A word in ALL CAPS in a comment that is not all caps gains 0.733. Emoji
 *       and emoticons keep their valence as they are (steps 3 and 4 do not apply to them).
 *   <li>Boosters up to 3 units before it in the same clause add ±0.293 (dampeners take it away),
 *       scaled by 1, 0.95, 0.9 with distance, towards the word's own sign.
 *   <li>A negator up to 3 units before it in the same clause (es "poco"/pt "pouco" right before it
 *       only) multiplies it by -0.74. Unlike VADER, several negators negate once: Spanish and
 *       Portuguese stack them ("no tengo ninguna queja" is one negation).
 *   <li>In a sentence with a contrast word, the words before the first one weigh 0.5 and those after
 *       it 1.5 (VADER's "but" rule, kept to the sentence).
 *   <li>The sum gains 0.292 per "!" (at most 4) towards its sign, and is normalised to -1..1 by
 *       x / sqrt(x² + 15).
 * </ol>
 */
final class SentimentScorer {

  static final double B_INCR_DECAY_2 = 0.95;
  static final double B_INCR_DECAY_3 = 0.9;
  static final double C_INCR = 0.733;
  static final double N_SCALAR = -0.74;
  static final double BEFORE_CONTRAST = 0.5;
  static final double AFTER_CONTRAST = 1.5;
  static final double EXCLAMATION = 0.292;
  static final double ALPHA = 15;

  private final Map<String, Double> emoji;

  SentimentScorer(Map<String, Double> emoji) {
    this.emoji = Map.copyOf(emoji);
  }

  double score(List<Unit> units, LanguageModel m, String text) {
    List<Unit> terms = joinPhrases(units, m);
    int n = terms.size();
    double[] valence = new double[n];
    boolean mixedCase = !text.equals(text.toUpperCase(java.util.Locale.ROOT));
    int clauseStart = 0;
    for (int i = 0; i < n; i++) {
      Unit t = terms.get(i);
      if (t.clauseStart()) clauseStart = i;
      double v = t.kind() == Unit.Kind.EMOJI ? emoji.getOrDefault(t.key(), 0.0)
          : t.kind() == Unit.Kind.NUMBER || m.isModifier(t.key()) ? 0 : m.valenceOf(t.key());
      if (v == 0) continue;
      if (t.kind() == Unit.Kind.EMOJI) { // the writer's own mood: neither negated nor boosted
        valence[i] = v;
        continue;
      }
      double sign = Math.signum(v);
      if (mixedCase && t.kind() == Unit.Kind.WORD && t.isAllCaps()) v += sign * C_INCR;
      boolean negated = false;
      for (int d = 1; d <= 3 && i - d >= clauseStart; d++) {
        String before = terms.get(i - d).key();
        Double boost = m.boosters().get(before);
        if (boost != null) v += sign * boost * (d == 1 ? 1 : d == 2 ? B_INCR_DECAY_2 : B_INCR_DECAY_3);
        if (m.negators().contains(before) || before.endsWith("n't") || (d == 1 && m.nearNegators().contains(before))) {
          negated = true;
        }
      }
      valence[i] = negated ? v * N_SCALAR : v;
    }
    double sum = 0;
    for (int start = 0; start < n; ) {
      int end = start + 1;
      while (end < n && !terms.get(end).sentenceStart()) end++;
      int contrast = -1;
      for (int i = start; i < end && contrast < 0; i++) if (m.contrast().contains(terms.get(i).key())) contrast = i;
      for (int i = start; i < end; i++) {
        sum += contrast < 0 ? valence[i] : valence[i] * (i < contrast ? BEFORE_CONTRAST : AFTER_CONTRAST);
      }
      start = end;
    }
    if (sum != 0) {
      long bangs = Math.min(4, text.chars().filter(c -> c == '!').count());
      sum += Math.signum(sum) * bangs * EXCLAMATION;
    }
    return sum / Math.sqrt(sum * sum + ALPHA);
  }

  /** Joins the units of the model's multiword keys into one unit each, longest first, within a clause. */
  static List<Unit> joinPhrases(List<Unit> units, LanguageModel m) {
    if (m.phraseStarts().isEmpty()) return units;
    List<Unit> out = new ArrayList<>(units.size());
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      int joined = 1;
      if (u.kind() == Unit.Kind.WORD && m.phraseStarts().contains(u.key())) {
        for (int len = Math.min(m.phraseWords(), units.size() - i); len > 1 && joined == 1; len--) {
          StringBuilder key = new StringBuilder(u.key());
          StringBuilder raw = new StringBuilder(u.raw());
          boolean ok = true;
          for (int k = i + 1; k < i + len && ok; k++) {
            Unit next = units.get(k);
            ok = next.kind() == Unit.Kind.WORD && !next.clauseStart();
            key.append(' ').append(next.key());
            raw.append(' ').append(next.raw());
          }
          if (ok && m.isPhrase(key.toString())) {
            out.add(new Unit(raw.toString(), key.toString(), Unit.Kind.WORD, u.clauseStart(), u.sentenceStart()));
            joined = len;
          }
        }
      }
      if (joined == 1) out.add(u);
      i += joined - 1;
    }
    return out;
  }
}
