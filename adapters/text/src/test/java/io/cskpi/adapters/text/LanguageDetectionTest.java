package io.cskpi.adapters.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Detection without a language code, on {@code detection/cases.tsv} and on the labelled es/pt sets. */
class LanguageDetectionTest {

  static final LuceneCommentAnalyzer ANALYZER = new LuceneCommentAnalyzer();

  static String detect(String text) {
    var a = ANALYZER.analyze(text, Optional.empty());
    assertThat(a.languageDetected()).isTrue();
    return a.language();
  }

  @Test
  void detection_cases() {
    List<Labelled.Row> cases = Labelled.rows("/detection/cases.tsv");
    int right = 0;
    for (Labelled.Row c : cases) {
      String got = detect(c.text());
      if (got.equals(c.label())) {
        right++;
      } else {
        System.out.printf("detection: expected %s, got %s: %s%n", c.label(), got, c.text());
        // a miss may only be a shrug: never the wrong one of es/en/pt
        assertThat(got).as(c.text()).isEqualTo("other");
      }
    }
    System.out.printf("detection cases: %d of %d right%n", right, cases.size());
    assertThat(right).isGreaterThanOrEqualTo(40); // measured 40 of 43
  }

  @Test
  void short_comments_and_foreign_languages() {
    assertThat(detect("Muy buena atención")).isEqualTo("es");
    assertThat(detect("Ótimo atendimento")).isEqualTo("pt");
    assertThat(detect("Great support")).isEqualTo("en");
    assertThat(detect("Je ne suis pas satisfait de la livraison")).isEqualTo("other");
    assertThat(detect("Ich bin mit dem Kundenservice sehr zufrieden")).isEqualTo("other");
    assertThat(detect("Excelente")).isEqualTo("other"); // es or pt: a tie
    assertThat(detect("👍")).isEqualTo("other");
  }

  @Test
  void labelled_spanish_and_portuguese_comments() {
    for (String lang : List.of("es", "pt")) {
      List<Labelled.Row> rows = Labelled.rows("/labelled/" + lang + ".tsv");
      long right = rows.stream().filter(r -> detect(r.text()).equals(lang)).count();
      long wrong = rows.stream().map(r -> detect(r.text())).filter(l -> !l.equals(lang) && Set.of("es", "en", "pt").contains(l)).count();
      System.out.printf("labelled %s: detected %s in %d of %d, another of es/en/pt in %d%n", lang, lang, right, rows.size(), wrong);
      assertThat((double) right / rows.size()).isGreaterThanOrEqualTo(0.87); // measured es 57/64, pt 58/63
      assertThat(wrong).isLessThanOrEqualTo(1);
    }
  }
}
