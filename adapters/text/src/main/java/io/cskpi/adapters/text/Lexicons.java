package io.cskpi.adapters.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Loads the lexicons under {@code /lexicons} (see SOURCE.md there) into one model per language. */
final class Lexicons {

  private static final String ROOT = "/lexicons/";

  final Map<String, LanguageModel> models = new LinkedHashMap<>();
  /** Stop words of the languages that are detected only to be told apart from es/en/pt ("other"). */
  final Map<String, Set<String>> otherLanguages = new LinkedHashMap<>();
  final Map<String, Double> emoji = new HashMap<>();

  Lexicons() {
    CharArraySet englishStop = snowball("english_stop.txt");
    Map<String, Set<String>> stop = new LinkedHashMap<>();
    stop.put("en", strings(englishStop));
    stop.put("es", strings(SpanishAnalyzer.getDefaultStopSet()));
    stop.put("pt", strings(PortugueseAnalyzer.getDefaultStopSet()));
    otherLanguages.put("fr", strings(FrenchAnalyzer.getDefaultStopSet()));
    otherLanguages.put("de", strings(GermanAnalyzer.getDefaultStopSet()));
    otherLanguages.put("it", strings(ItalianAnalyzer.getDefaultStopSet()));
    otherLanguages.put("nl", strings(DutchAnalyzer.getDefaultStopSet()));

    Map<String, Modifiers> mods = new HashMap<>();
    for (String lang : List.of("en", "es", "pt")) mods.put(lang, new Modifiers());
    for (String[] row : rows("vader-en/vader_negate_en.txt")) mods.get("en").negators.add(Text.key(row[0]));
    for (String[] row : rows("vader-en/vader_booster_en.tsv")) mods.get("en").boosters.put(Text.key(row[0]), Double.parseDouble(row[1]));
    mods.get("en").written.addAll(mods.get("en").negators);
    mods.get("en").written.addAll(mods.get("en").boosters.keySet());
    for (String[] row : rows("leia-pt/negate.txt")) {
      if (!row[0].contains(" ")) mods.get("pt").negators.add(row[0]); // "nao <verb>" phrases: "nao" alone covers them
    }
    for (String[] row : rows("leia-pt/booster.txt")) {
      String line = row[0];
      int space = line.lastIndexOf(' ');
      mods.get("pt").boosters.put(Text.key(line.substring(0, space)), line.endsWith("INCR") ? 0.293 : -0.293);
    }
    mods.get("pt").written.addAll(mods.get("pt").negators);
    mods.get("pt").written.addAll(mods.get("pt").boosters.keySet());
    for (String[] row : rows("cskpi/modifiers.tsv")) {
      Modifiers m = mods.get(row[0]);
      String term = Text.key(row[2]);
      m.written.add(row[2].toLowerCase(Locale.ROOT));
      switch (row[1]) {
        case "negator" -> m.negators.add(term);
        case "negator1" -> m.nearNegators.add(term);
        case "booster" -> m.boosters.put(term, Double.parseDouble(row[3]));
        case "contrast" -> m.contrast.add(term);
        default -> throw new IllegalStateException("unknown modifier kind " + row[1]);
      }
    }

    Map<String, Double> en = new HashMap<>();
    for (String[] row : rows("vader-en/vader_lexicon.txt")) en.put(Text.key(row[0]), Double.parseDouble(row[1])); // last wins, as VADER
    putAll(en, "cskpi/domain-en.tsv");
    Map<String, Double> es = new HashMap<>();
    putAll(es, "cskpi/lexicon-es.tsv");
    Map<String, Double> pt = leia();
    putAll(pt, "cskpi/domain-pt.tsv");
    for (String[] row : rows("cskpi/emoji.tsv")) emoji.put(Unit.bareEmoji(row[0]), Double.parseDouble(row[1]));

    SpanishLightStemmer esStemmer = new SpanishLightStemmer();
    PortugueseLightStemmer ptStemmer = new PortugueseLightStemmer();
    // themes: Lucene's analyzers, with the modifiers ("super", "nenhuma", "bastante") as stop words too
    models.put("en", model("en", en, null, mods.get("en"), stop.get("en"),
        new EnglishAnalyzer(themeStop(englishStop, mods.get("en")))));
    models.put("es", model("es", es, stem(esStemmer::stem), mods.get("es"), stop.get("es"),
        new SpanishAnalyzer(themeStop(SpanishAnalyzer.getDefaultStopSet(), mods.get("es")))));
    models.put("pt", model("pt", pt, stem(ptStemmer::stem), mods.get("pt"), stop.get("pt"),
        new PortugueseAnalyzer(themeStop(PortugueseAnalyzer.getDefaultStopSet(), mods.get("pt")))));

    // "other": the three lexicons together (English first), no stemming, every known stop word out of the themes
    Map<String, Double> all = new HashMap<>();
    for (String lang : List.of("pt", "es", "en")) all.putAll(models.get(lang).valence());
    Modifiers allMods = new Modifiers();
    for (String lang : List.of("pt", "es", "en")) allMods.addAll(mods.get(lang));
    CharArraySet allStop = new CharArraySet(1000, true);
    stop.values().forEach(allStop::addAll);
    otherLanguages.values().forEach(allStop::addAll);
    allStop.addAll(allMods.written);
    models.put("other", model("other", all, null, allMods, Set.of(), unstemmed(allStop)));
  }

  private static final class Modifiers {
    final Set<String> negators = new HashSet<>();
    final Set<String> nearNegators = new HashSet<>();
    final Map<String, Double> boosters = new HashMap<>();
    final Set<String> contrast = new HashSet<>();
    /** The single-word modifiers as written (lower case, accents kept), for the theme stop words. */
    final Set<String> written = new HashSet<>();

    void addAll(Modifiers m) {
      written.addAll(m.written);
      negators.addAll(m.negators);
      nearNegators.addAll(m.nearNegators);
      boosters.putAll(m.boosters);
      contrast.addAll(m.contrast);
    }
  }

  private static LanguageModel model(String code, Map<String, Double> lexicon, UnaryOperator<String> stemmer,
      Modifiers m, Set<String> stopWords, Analyzer themes) {
    // Function words carry no sentiment: the few the lexicons score are translation slips (LeIA's
    // "para" -0.6, from "stop") or negators ("no", handled as such).
    Map<String, Double> valence = new HashMap<>(lexicon);
    stopWords.forEach(w -> valence.remove(Text.key(w)));
    Map<String, Double> stemValence = new HashMap<>();
    if (stemmer != null) {
      Map<String, List<Double>> byStem = new HashMap<>();
      valence.forEach((k, v) -> { if (!k.contains(" ")) byStem.computeIfAbsent(stemmer.apply(k), s -> new ArrayList<>()).add(v); });
      byStem.forEach((s, vs) -> {
        boolean mixed = vs.stream().anyMatch(v -> v > 0) && vs.stream().anyMatch(v -> v < 0);
        if (!mixed) stemValence.put(s, vs.stream().mapToDouble(Double::doubleValue).average().orElse(0));
      });
    }
    Set<String> phraseStarts = new HashSet<>();
    int phraseWords = 1;
    List<Set<String>> keySets = List.of(valence.keySet(), m.negators, m.nearNegators, m.boosters.keySet(), m.contrast);
    for (Set<String> keys : keySets) {
      for (String k : keys) {
        String[] words = k.split(" ");
        if (words.length > 1) {
          phraseStarts.add(words[0]);
          phraseWords = Math.max(phraseWords, words.length);
        }
      }
    }
    Set<String> words = new HashSet<>();
    stopWords.forEach(w -> words.add(Text.key(w)));
    for (Set<String> keys : keySets) {
      for (String k : keys) if (k.chars().allMatch(c -> Character.isLetter(c) || c == '\'')) words.add(k);
    }
    return new LanguageModel(code, Map.copyOf(valence), Map.copyOf(stemValence), stemmer, Set.copyOf(m.negators),
        Set.copyOf(m.nearNegators), Map.copyOf(m.boosters), Set.copyOf(m.contrast), Set.copyOf(phraseStarts),
        phraseWords, Set.copyOf(words), themes);
  }

  /** LeIA: accent-free single words (its 647 multiword lines are left out, see SOURCE.md); duplicates averaged. */
  private static Map<String, Double> leia() {
    Map<String, List<Double>> values = new HashMap<>();
    for (String[] row : rows("leia-pt/vader_lexicon_ptbr.txt")) {
      if (!row[0].contains(" ")) values.computeIfAbsent(Text.key(row[0]), k -> new ArrayList<>()).add(Double.parseDouble(row[1].trim().split(" ")[0]));
    }
    Map<String, Double> out = new HashMap<>();
    values.forEach((k, vs) -> out.put(k, vs.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    return out;
  }

  private static void putAll(Map<String, Double> target, String resource) {
    for (String[] row : rows(resource)) target.put(Text.key(row[0]), Double.parseDouble(row[1]));
  }

  private static UnaryOperator<String> stem(Stemmer s) {
    return word -> {
      char[] chars = word.toCharArray();
      return new String(chars, 0, s.stem(chars, chars.length));
    };
  }

  private interface Stemmer {
    int stem(char[] s, int len);
  }

  private static Analyzer unstemmed(CharArraySet stopWords) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new StopFilter(new LowerCaseFilter(source), stopWords));
      }
    };
  }

  private static CharArraySet themeStop(CharArraySet stop, Modifiers m) {
    CharArraySet out = CharArraySet.copy(stop);
    m.written.stream().filter(w -> !w.contains(" ")).forEach(out::add);
    return CharArraySet.unmodifiableSet(out);
  }

  private static CharArraySet snowball(String file) {
    try (InputStream in = SnowballFilter.class.getResourceAsStream(file)) {
      return WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> strings(CharArraySet set) {
    Set<String> out = new HashSet<>();
    for (Object o : set) out.add(o instanceof char[] c ? new String(c) : o.toString());
    return out;
  }

  /** Tab-separated rows of a UTF-8 resource, without blank lines and "# " comment lines. */
  private static List<String[]> rows(String resource) {
    InputStream in = Lexicons.class.getResourceAsStream(ROOT + resource);
    if (in == null) throw new IllegalStateException("missing resource " + ROOT + resource);
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("# ")) rows.add(line.split("\t"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
