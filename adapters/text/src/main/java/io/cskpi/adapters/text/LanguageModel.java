package io.cskpi.adapters.text;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;

/**
 * Everything the analysis needs for one language; immutable, so shared by all threads.
 *
 * @param valence lexicon valence (-4..4) by key (lower case, accent-folded; multiword keys joined by
 *     one space)
 * @param stemValence valence by the stem of a key, for inflections the lexicon does not list (mean of
 *     the entries sharing the stem; stems whose entries disagree in sign are left out)
 * @param stemmer the stemmer behind {@code stemValence}, or null when there is none
 * @param negators words that negate a valence word up to 3 units after them
 * @param nearNegators words that negate only the word right after them (es "poco", pt "pouco")
 * @param boosters intensifiers (+0.293) and dampeners (-0.293), VADER's B_INCR / B_DECR
 * @param contrast "but" words: before them a sentence weighs 0.5, after them 1.5
 * @param phraseStarts first words of the multiword keys above, to find those keys quickly
 * @param phraseWords the longest multiword key, in words
 * @param words the words that count as evidence of this language in detection
 * @param themes the Lucene analyzer (stop words, stemming) for the comment's themes
 */
record LanguageModel(
    String code,
    Map<String, Double> valence,
    Map<String, Double> stemValence,
    UnaryOperator<String> stemmer,
    Set<String> negators,
    Set<String> nearNegators,
    Map<String, Double> boosters,
    Set<String> contrast,
    Set<String> phraseStarts,
    int phraseWords,
    Set<String> words,
    Analyzer themes) {

  /** The key's valence, through its stem when the key itself is not listed; 0 when unknown. */
  double valenceOf(String key) {
    Double v = valence.get(key);
    if (v == null && stemmer != null && key.length() > 3) v = stemValence.get(stemmer.apply(key));
    return v == null ? 0 : v;
  }

  boolean isModifier(String key) {
    return negators.contains(key) || nearNegators.contains(key) || boosters.containsKey(key) || contrast.contains(key);
  }

  boolean isPhrase(String key) {
    return valence.containsKey(key) || isModifier(key);
  }
}
