package io.cskpi.adapters.text;

import io.cskpi.application.port.CommentAnalyzer;
import io.cskpi.domain.kpi.feedback.CommentAnalysis;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Reads a comment's language, sentiment and themes (spec section 7) with Lucene's tokenizer and
 * analyzers and VADER-style lexicons for es, en and pt (see {@code /lexicons/SOURCE.md}).
 *
 * <ul>
 *   <li>Language: the client's, when its primary subtag is es, en or pt; else detected
 *       ({@link LanguageDetector}), "other" when unclear.
 *   <li>Sentiment: {@link SentimentScorer}, -1..1; "other" uses the three lexicons together.
 *   <li>Themes: {@link ThemeExtractor} with EnglishAnalyzer (Snowball stop words, Porter),
 *       SpanishAnalyzer or PortugueseAnalyzer (light stemmers); "other" is not stemmed and drops the
 *       stop words of every language known here.
 * </ul>
 *
 * Loads its resources once, in the constructor (about a second); thread-safe afterwards.
 */
public final class LuceneCommentAnalyzer implements CommentAnalyzer {

  private static final Set<String> LANGUAGES = Set.of("es", "en", "pt");

  private final Lexicons lexicons = new Lexicons();
  private final LanguageDetector detector = new LanguageDetector(lexicons);
  private final SentimentScorer scorer = new SentimentScorer(lexicons.emoji);
  private final Analyzer plain = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      return new TokenStreamComponents(new StandardTokenizer());
    }
  };

  public LuceneCommentAnalyzer() {}

  @Override
  public CommentAnalysis analyze(String text, Optional<String> languageCode) {
    Objects.requireNonNull(text, "text");
    String normalized = text.replace('\u2019', '\''); // same length, so offsets still point into text
    List<Unit> units = Unit.split(normalized, plain);
    Optional<String> given = languageCode.map(c -> c.split("[-_]", 2)[0].toLowerCase(Locale.ROOT)).filter(LANGUAGES::contains);
    String language = given.orElseGet(() -> detector.detect(units, normalized));
    LanguageModel model = lexicons.models.get(language);
    double score = scorer.score(units, model, normalized);
    return new CommentAnalysis(language, given.isEmpty(), score, ThemeExtractor.themes(normalized, text, model.themes()));
  }
}
