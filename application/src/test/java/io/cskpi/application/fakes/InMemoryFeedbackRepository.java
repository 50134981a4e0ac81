package io.cskpi.application.fakes;

import io.cskpi.application.port.FeedbackRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Feedback;
import io.cskpi.domain.Segment;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.kpi.feedback.ScoreGroup;
import io.cskpi.domain.kpi.feedback.Sentiment;
import io.cskpi.domain.kpi.feedback.Theme;
import io.cskpi.domain.kpi.feedback.ThemeDrivers.ThemeCounts;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** {@link FeedbackRepository} in memory: comments summed and filtered one by one, as a reference for the SQL. */
public final class InMemoryFeedbackRepository implements FeedbackRepository {

  private final InMemoryData data;
  private final Map<TenantId, Map<String, Feedback>> feedback = new HashMap<>();

  InMemoryFeedbackRepository(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized RecordOutcome recordFeedback(TenantId tenant, List<Feedback> batch, Map<String, Comment> comments) {
    Map<String, Feedback> stored = feedback.computeIfAbsent(tenant, t -> new HashMap<>());
    RecordOutcome outcome = RecordOutcome.against(stored, batch, Feedback::feedbackId, Feedback::equals, "feedback",
        "feedback_id", "FEEDBACK_ID_CONFLICT");
    for (Feedback f : batch) {
      if (stored.putIfAbsent(f.feedbackId(), f) == null) {
        data.comments(tenant).add(comments.get(f.feedbackId()));
      }
    }
    return outcome;
  }

  private boolean inSegment(TenantId tenant, Segment segment, String customerId) {
    return segment.contains(data.customers(tenant).get(customerId).attributes());
  }

  @Override
  public synchronized Summary summarize(Scope scope, int themeLimit) {
    TenantId tenant = scope.tenant();
    Predicate<Instant> inPeriod = t -> !t.isBefore(scope.start()) && t.isBefore(scope.end());
    List<SurveyResponse> responses = data.responses(tenant).values().stream().filter(r -> inPeriod.test(r.time())
        && inSegment(tenant, scope.segment(), r.customerId())
        && scope.surveyId().map(r.surveyId()::equals).orElse(true)).toList();
    List<Comment> comments = data.comments(tenant).stream().filter(c -> inPeriod.test(c.time())
        && inSegment(tenant, scope.segment(), c.customerId())
        && scope.surveyId().map(id -> id.equals(c.surveyId())).orElse(true)).toList();
    Map<Sentiment, Long> sentiments = new EnumMap<>(Sentiment.class);
    Map<String, Long> languages = new TreeMap<>();
    Map<String, List<Comment>> byTheme = new TreeMap<>();
    Map<String, Map<String, Long>> texts = new HashMap<>();
    long[] occurrences = new long[3];
    for (Comment c : comments) {
      sentiments.merge(c.analysis().sentiment(), 1L, Long::sum);
      languages.merge(c.analysis().language(), 1L, Long::sum);
      for (Theme theme : c.analysis().themes()) {
        byTheme.computeIfAbsent(theme.key(), k -> new ArrayList<>()).add(c);
        texts.computeIfAbsent(theme.key(), k -> new HashMap<>()).merge(theme.text(), 1L, Long::sum);
        occurrences[c.group().ordinal()]++;
      }
    }
    List<ThemeStats> themes = new ArrayList<>();
    List<ThemeCounts> drivers = new ArrayList<>();
    byTheme.forEach((key, list) -> {
      String text = texts.get(key).entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
      List<Comment> scored = list.stream().filter(c -> c.score() != null).toList();
      themes.add(new ThemeStats(key, text, list.size(), list.stream().mapToDouble(c -> c.analysis().sentimentScore()).sum(),
          count(list, c -> c.analysis().sentiment() == Sentiment.NEGATIVE),
          count(list, c -> c.analysis().sentiment() == Sentiment.POSITIVE), scored.size(),
          scored.stream().mapToDouble(Comment::score).sum(),
          (int) Math.min(2, scored.stream().map(c -> c.scaleMin() + "-" + c.scaleMax()).distinct().count())));
      long negative = count(list, c -> c.group() == ScoreGroup.NEGATIVE);
      long positive = count(list, c -> c.group() == ScoreGroup.POSITIVE);
      if (negative + positive >= 3) {
        drivers.add(new ThemeCounts(key, text, negative, positive, list.size()));
      }
    });
    themes.sort(Comparator.comparingLong(ThemeStats::comments).reversed().thenComparing(ThemeStats::key));
    return new Summary(responses.size(), count(responses, r -> r.comment() != null), comments.size(), sentiments,
        comments.stream().mapToDouble(c -> c.analysis().sentimentScore()).sum(), languages,
        themes.subList(0, Math.min(themeLimit, themes.size())), count(comments, c -> c.group() == ScoreGroup.NEGATIVE),
        count(comments, c -> c.group() == ScoreGroup.POSITIVE), drivers, occurrences[ScoreGroup.NEGATIVE.ordinal()],
        occurrences[ScoreGroup.POSITIVE.ordinal()], occurrences[0] + occurrences[1] + occurrences[2]);
  }

  private static <T> long count(List<T> items, Predicate<T> test) {
    return items.stream().filter(test).count();
  }

  @Override
  public synchronized Page<Comment> list(TenantId tenant, CommentFilter filter, PageRequest page) {
    Comparator<Comment> newestFirst = Comparator.comparing(Comment::time).thenComparing(c -> c.source().ordinal())
        .thenComparing(Comment::sourceId).reversed();
    List<Comment> all = data.comments(tenant).stream()
        .filter(c -> filter.start().map(s -> !c.time().isBefore(s)).orElse(true)
            && filter.end().map(e -> c.time().isBefore(e)).orElse(true)
            && filter.themeKey().map(k -> c.analysis().themes().stream().anyMatch(t -> t.key().equals(k))).orElse(true)
            && filter.sentiment().map(s -> c.analysis().sentiment() == s).orElse(true)
            && filter.minScore().map(m -> c.score() != null && c.score() >= m).orElse(true)
            && filter.maxScore().map(m -> c.score() != null && c.score() <= m).orElse(true)
            && filter.customerId().map(c.customerId()::equals).orElse(true)
            && filter.language().map(c.analysis().language()::equals).orElse(true)
            && filter.textQuery().map(q -> folded(c.text()).contains(folded(q))).orElse(true)
            && inSegment(tenant, filter.segment(), c.customerId()))
        .sorted(newestFirst).toList();
    return OffsetPages.page(all, page);
  }

  /** Lower case without accents: what "ignoring case and accents" means in both stores. */
  private static String folded(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }
}
