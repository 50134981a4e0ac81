package io.cskpi.adapters.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.cskpi.domain.kpi.feedback.CommentAnalysis;
import io.cskpi.domain.kpi.feedback.Sentiment;
import io.cskpi.domain.kpi.feedback.Theme;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuceneCommentAnalyzerTest {

  static final LuceneCommentAnalyzer ANALYZER = new LuceneCommentAnalyzer();

  static CommentAnalysis analyze(String text, String language) {
    return ANALYZER.analyze(text, Optional.ofNullable(language));
  }

  static double score(String text, String language) {
    return analyze(text, language).sentimentScore();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      es | me gusta           | no me gusta
      es | es bueno           | no es bueno
      es | funciona           | no funciona
      en | good               | not good
      en | I like it          | I don't like it
      en | I like it          | I don’t like it
      pt | é bom              | não é bom
      pt | gostei             | nunca gostei
      """)
  void negation_flips_the_sentiment(String language, String plain, String negated) {
    assertThat(analyze(plain, language).sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze(negated, language).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(raw(score(negated, language))).isCloseTo(SentimentScorer.N_SCALAR * raw(score(plain, language)), offset(1e-6));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      es | no está mal
      es | no tengo ninguna queja
      es | me cambiaron la talla sin problemas
      en | not bad at all
      en | no problems
      pt | não tenho nenhuma reclamação
      pt | troquei sem problemas
      """)
  void a_negated_complaint_reads_positive_and_negators_do_not_stack(String language, String text) {
    assertThat(analyze(text, language).sentiment()).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void negation_does_not_cross_a_clause() {
    assertThat(analyze("No, es excelente", "es").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("No. Great service", "en").sentiment()).isEqualTo(Sentiment.POSITIVE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      en | good but slow delivery                                   | NEGATIVE
      en | the dress is pretty but the fabric is cheap and itchy    | NEGATIVE
      en | expensive but worth it, great quality                    | POSITIVE
      es | el producto es bueno pero la entrega fue pésima          | NEGATIVE
      es | caro pero excelente                                      | POSITIVE
      es | buena calidad, sin embargo el envío fue lento            | NEGATIVE
      pt | o produto é bom, mas a entrega foi péssima               | NEGATIVE
      pt | demorou, porém o atendimento foi ótimo                   | POSITIVE
      """)
  void the_words_after_a_contrast_weigh_more(String language, String text, Sentiment expected) {
    assertThat(analyze(text, language).sentiment()).isEqualTo(expected);
  }

  @Test
  void contrast_weights_are_vaders() {
    double good = score("good", "en");
    double bad = score("bad", "en");
    double sum = 0.5 * raw(good) + 1.5 * raw(bad);
    assertThat(score("good but bad", "en")).isCloseTo(sum / Math.sqrt(sum * sum + 15), offset(1e-9));
  }

  /** Inverts x / sqrt(x² + 15). */
  private static double raw(double compound) {
    return compound * Math.sqrt(15 / (1 - compound * compound));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      en | good          | very good
      en | bad           | extremely bad
      es | buena         | muy buena
      es | lento         | sumamente lento
      es | caro          | bastante caro
      pt | bom           | muito bom
      pt | ruim          | extremamente ruim
      """)
  void an_intensifier_raises_the_magnitude(String language, String plain, String boosted) {
    double p = score(plain, language);
    double b = score(boosted, language);
    assertThat(Math.signum(b)).isEqualTo(Math.signum(p));
    assertThat(Math.abs(b)).isGreaterThan(Math.abs(p));
    assertThat(raw(Math.abs(b)) - raw(Math.abs(p))).isCloseTo(0.293, offset(1e-6));
  }

  @Test
  void a_dampener_lowers_it_and_poco_before_an_adjective_negates_it() {
    assertThat(Math.abs(score("algo lento", "es"))).isLessThan(Math.abs(score("lento", "es")));
    assertThat(Math.abs(score("slightly slow", "en"))).isLessThan(Math.abs(score("slow", "en")));
    assertThat(analyze("muy poco profesional", "es").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("un poco caro", "es").sentimentScore()).isGreaterThan(score("caro", "es"));
  }

  @Test
  void exclamation_marks_and_capitals_add_emphasis() {
    assertThat(score("great service!!!", "en")).isGreaterThan(score("great service", "en"));
    assertThat(score("GREAT service", "en")).isGreaterThan(score("great service", "en"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      👍                        | POSITIVE
      😀                        | POSITIVE
      ❤️                        | POSITIVE
      👍🏽                       | POSITIVE
      😡                        | NEGATIVE
      👎                        | NEGATIVE
      😞                        | NEGATIVE
      llegó el paquete 😞        | NEGATIVE
      chegou hoje 😀             | POSITIVE
      arrived today :)          | POSITIVE
      arrived today :(          | NEGATIVE
      no me gustó nada :(       | NEGATIVE
      """)
  void emoji_and_emoticons_carry_sentiment(String text, Sentiment expected) {
    assertThat(analyze(text, null).sentiment()).isEqualTo(expected);
  }

  @Test
  void a_comment_without_sentiment_words_is_neutral() {
    assertThat(analyze("Recibí el pedido el martes", "es").sentimentScore()).isZero();
    assertThat(analyze("Order 12345 arrived on Tuesday", "en").sentiment()).isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void accents_and_inflections_are_matched() {
    assertThat(score("pesima atencion", "es")).isEqualTo(score("pésima atención", "es"));
    assertThat(analyze("excelentes", "es").sentiment()).isEqualTo(Sentiment.POSITIVE); // through the stem
    assertThat(analyze("malísimo", "es").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("repartidores lentos", "es").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(score("otimo atendimento", "pt")).isEqualTo(score("ótimo atendimento", "pt"));
  }

  @Test
  void themes_merge_inflections_by_their_stemmed_key() {
    List<Theme> plural = analyze("Las tallas pequeñas", "es").themes();
    List<Theme> singular = analyze("La talla pequeña", "es").themes();
    assertThat(plural).extracting(Theme::key).containsExactlyElementsOf(singular.stream().map(Theme::key).toList());
    assertThat(plural).extracting(Theme::text).containsExactly("tallas", "pequeñas", "tallas pequeñas");
    assertThat(analyze("tallas pequeñas y otra talla pequeña", "es").themes()).extracting(Theme::key)
        .containsExactly("tall", "pequeñ", "tall pequeñ"); // distinct by key, first surface kept
    assertThat(analyze("Entrega rápida, entregas rápidas", "pt").themes()).extracting(Theme::key)
        .containsExactly("entreg", "rapid", "entreg rapid");
    assertThat(analyze("Slow deliveries; the delivery was slow", "en").themes()).extracting(Theme::key)
        .containsExactly("slow", "deliveri", "slow deliveri");
  }

  @Test
  void bigrams_only_join_adjacent_words_of_one_clause() {
    List<String> keys = analyze("La atención del soporte, precio alto. Envío gratis", "es").themes().stream().map(Theme::key).toList();
    assertThat(keys).contains("preci alto", "envi gratis")
        .doesNotContain("atencion soport") // "del" (a stop word) was between them
        .doesNotContain("soport precio") // a comma
        .doesNotContain("alto envi"); // a full stop
  }

  @Test
  void numbers_short_words_emoji_and_stop_words_are_not_themes() {
    List<Theme> themes = analyze("El pedido 12345 de 3,5 kg en 2 días, ok 👍 y muy bien", "es").themes();
    assertThat(themes).extracting(Theme::key).doesNotContain("12345", "3,5", "kg", "ok", "2", "el", "de", "muy", "👍");
    assertThat(themes).extracting(Theme::key).contains("pedid", "días", "bien");
  }

  @Test
  void theme_keys_and_texts_are_at_most_128_characters() {
    String longWord = "a".repeat(200);
    assertThat(analyze("great " + longWord + " service", "en").themes()).extracting(Theme::key)
        .containsExactly("great", "servic");
  }

  @Test
  void other_languages_get_unstemmed_themes_without_any_known_stop_words() {
    CommentAnalysis a = analyze("Le service client est très réactif", null);
    assertThat(a.language()).isEqualTo("other");
    assertThat(a.themes()).extracting(Theme::key) // "le" is a French stop word; nothing is stemmed
        .containsSubsequence("service", "client", "service client", "très", "réactif", "très réactif")
        .doesNotContain("le", "le service", "servic");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      es     | es    | false
      es-419 | es    | false
      pt-BR  | pt    | false
      EN_us  | en    | false
      fr     | es    | true
      """)
  void the_given_language_is_used_when_it_is_es_en_or_pt(String code, String expected, boolean detected) {
    CommentAnalysis a = analyze("Muy buena atención, gracias", code);
    assertThat(a.language()).isEqualTo(expected);
    assertThat(a.languageDetected()).isEqualTo(detected);
  }

  @Test
  void results_are_the_same_from_many_threads() {
    List<String> comments = List.of("Muy buena atención", "Ótimo atendimento", "Great support but slow", "No me gusta 😡");
    List<CommentAnalysis> expected = comments.stream().map(c -> analyze(c, null)).toList();
    IntStream.range(0, 4_000).parallel().forEach(i ->
        assertThat(analyze(comments.get(i % 4), null)).isEqualTo(expected.get(i % 4)));
  }
}
