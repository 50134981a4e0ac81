package io.cskpi.adapters.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prints how many short comments one thread analyses per second; asserts no time. */
class ThroughputTest {

  @Test
  void two_hundred_thousand_short_comments_on_one_thread() {
    long loadStart = System.nanoTime();
    LuceneCommentAnalyzer analyzer = new LuceneCommentAnalyzer();
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    List<String> comments = new ArrayList<>();
    for (String set : List.of("es", "pt")) Labelled.rows("/labelled/" + set + ".tsv").forEach(r -> comments.add(r.text()));
    Labelled.rows("/detection/cases.tsv").forEach(r -> comments.add(r.text()));
    for (int i = 0; i < 20_000; i++) analyzer.analyze(comments.get(i % comments.size()), Optional.empty()); // warm-up
    int n = 200_000;
    long themes = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) themes += analyzer.analyze(comments.get(i % comments.size()), Optional.empty()).themes().size();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("throughput: %d short comments (language detected) in %.2f s on one thread = %.0f comments/s; "
        + "resources loaded in %.2f s%n", n, seconds, n / seconds, loadSeconds);
    assertThat(themes).isPositive();
  }
}
