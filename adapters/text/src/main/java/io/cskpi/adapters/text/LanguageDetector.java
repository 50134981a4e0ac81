package io.cskpi.adapters.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells es, en and pt apart by evidence, or says "other".
 *
 * <p>Each word is evidence for the languages whose word lists hold it: the Snowball stop words that
 * Lucene ships, plus the sentiment lexicon and modifier words of es/en/pt. A word found in k lists
 * gives 1/k to each, so shared words ("de", "no", "excelente") weigh little. Spelling cues add one
 * more point per word the same way ({@link #CUES}: ñ, "-ción", "-dad" for es; ã, õ, "nh", "lh",
 * "-dade" for pt; ç, ê, ô, â shared by pt and fr; ä, ö, ü, ß for de; ...), and ¿ or ¡ one for es.
 * French, German, Italian and Dutch compete with their stop words only, so that a comment in one of
 * them comes out "other" rather than the nearest of es/en/pt.
 *
 * <p>The best language wins when it has at least {@link #MIN_EVIDENCE} point (one word or cue of its
 * own, so that "Great support" and "Ótimo atendimento" count) and leads the runner-up by at least
 * {@link #MIN_LEAD}; otherwise (no evidence, a tie, a near tie) the answer is "other". These two
 * were chosen on the detection cases and the labelled es/pt comments of the tests (stricter ones,
 * 2 points and a lead of 1, sent a quarter of the short es/pt comments to "other").
 */
final class LanguageDetector {

  static final double MIN_EVIDENCE = 1;
  static final double MIN_LEAD = 0.5;
  private static final Set<String> TOLD_APART = Set.of("es", "en", "pt");

  private final Map<String, Set<String>> words = new LinkedHashMap<>();

  LanguageDetector(Lexicons lexicons) {
    for (String lang : List.of("es", "en", "pt")) words.put(lang, lexicons.models.get(lang).words());
    lexicons.otherLanguages.forEach((lang, stop) -> words.put(lang, stop.stream().map(Text::key).collect(Collectors.toUnmodifiableSet())));
  }

  /** Evidence per language (es, en, pt, fr, de, it, nl). */
  Map<String, Double> evidence(List<Unit> units, String text) {
    Map<String, Double> score = new HashMap<>();
    List<String> holders = new ArrayList<>(4);
    for (Unit u : units) {
      if (u.kind() != Unit.Kind.WORD) continue;
      holders.clear();
      words.forEach((lang, set) -> { if (set.contains(u.key())) holders.add(lang); });
      share(score, holders);
      holders.clear();
      cues(u.raw().toLowerCase(Locale.ROOT), holders);
      share(score, holders);
    }
    if (text.indexOf('¿') >= 0 || text.indexOf('¡') >= 0) score.merge("es", 1.0, Double::sum);
    return score;
  }

  /** "es", "en", "pt" or "other". */
  String detect(List<Unit> units, String text) {
    Map<String, Double> score = evidence(units, text);
    String best = "other";
    double first = 0;
    double second = 0;
    for (Map.Entry<String, Double> e : score.entrySet()) {
      double s = e.getValue();
      if (s > first) {
        second = first;
        first = s;
        best = e.getKey();
      } else if (s > second) {
        second = s;
      }
    }
    boolean clear = first >= MIN_EVIDENCE && first - second >= MIN_LEAD;
    return clear && TOLD_APART.contains(best) ? best : "other";
  }

  /** Spelling cues: a letter, digraph or ending and the languages it points to among those compared. */
  private record Cue(String mark, boolean suffix, List<String> languages) {
    boolean in(String word) {
      return suffix ? word.length() > mark.length() + 2 && word.endsWith(mark) : word.contains(mark);
    }
  }

  private static final List<Cue> CUES = List.of(
      new Cue("ñ", false, List.of("es")), new Cue("ción", true, List.of("es")), new Cue("ciones", true, List.of("es")),
      new Cue("dad", true, List.of("es")), new Cue("dades", true, List.of("es", "pt")),
      new Cue("ã", false, List.of("pt")), new Cue("õ", false, List.of("pt")), new Cue("nh", false, List.of("pt")),
      new Cue("lh", false, List.of("pt")), new Cue("dade", true, List.of("pt")),
      new Cue("ç", false, List.of("pt", "fr")), new Cue("ê", false, List.of("pt", "fr")), new Cue("ô", false, List.of("pt", "fr")),
      new Cue("â", false, List.of("pt", "fr")), new Cue("à", false, List.of("pt", "fr", "it")),
      new Cue("ä", false, List.of("de")), new Cue("ö", false, List.of("de")), new Cue("ü", false, List.of("de")),
      new Cue("ß", false, List.of("de")), new Cue("è", false, List.of("fr", "it")), new Cue("ù", false, List.of("fr", "it")),
      new Cue("ì", false, List.of("it")), new Cue("ò", false, List.of("it")), new Cue("œ", false, List.of("fr")),
      new Cue("î", false, List.of("fr")), new Cue("û", false, List.of("fr")), new Cue("ï", false, List.of("fr")));

  /** The languages of the word's most specific cue (fewest languages); several equally specific ones are joined. */
  private static void cues(String word, List<String> holders) {
    int fewest = Integer.MAX_VALUE;
    for (Cue c : CUES) {
      if (!c.in(word) || c.languages().size() > fewest) continue;
      if (c.languages().size() < fewest) {
        holders.clear();
        fewest = c.languages().size();
      }
      for (String lang : c.languages()) if (!holders.contains(lang)) holders.add(lang);
    }
  }

  private static void share(Map<String, Double> score, List<String> holders) {
    for (String lang : holders) score.merge(lang, 1.0 / holders.size(), Double::sum);
  }
}
