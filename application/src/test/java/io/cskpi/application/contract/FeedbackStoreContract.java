package io.cskpi.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.application.UseCases;
import io.cskpi.application.port.FeedbackRepository.CommentFilter;
import io.cskpi.application.port.FeedbackRepository.Scope;
import io.cskpi.application.port.FeedbackRepository.ThemeStats;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Customer;
import io.cskpi.domain.Feedback;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.CsatScale;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.kpi.feedback.CommentAnalysis;
import io.cskpi.domain.kpi.feedback.ScoreGroup;
import io.cskpi.domain.kpi.feedback.Sentiment;
import io.cskpi.domain.kpi.feedback.Theme;
import io.cskpi.domain.kpi.feedback.ThemeDrivers.ThemeCounts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do with analysed comments, on the fakes and on MySQL. */
public abstract class FeedbackStoreContract {

  private static final String EMOJI = "Great quality 👍🏽 — merci";
  private static final Survey NPS = new Survey("nps", Survey.Kind.NPS, null, "NPS", Instant.EPOCH);
  private static final Survey CSAT = new Survey("csat", Survey.Kind.CSAT, new CsatScale(1, 5, 4), "CSAT", Instant.EPOCH);

  private UseCases.Ports ports;
  private TenantId tenant;

  protected abstract UseCases.Ports ports();

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  private static CommentAnalysis analysis(String language, double sentiment, String... themes) {
    return new CommentAnalysis(language, true, sentiment, Arrays.stream(themes)
        .map(t -> new Theme(t.split("=")[0], t.split("=")[1])).toList());
  }

  private static Comment comment(SurveyResponse r, Survey survey, CommentAnalysis analysis) {
    return new Comment(Comment.Source.RESPONSE, r.responseId(), r.customerId(), r.time(), r.comment(),
        r.languageCode(), r.surveyId(), r.score(), r.score() == null ? null : survey.scale().min(),
        r.score() == null ? null : survey.scale().max(), ScoreGroup.of(survey, r.score()), null, analysis);
  }

  @BeforeEach
  void responsesAndFeedback() {
    ports = ports();
    tenant = new TenantId("f-" + UUID.randomUUID().toString().substring(0, 12));
    ports.tenants().create(new Tenant(tenant, "Test", ZoneId.of("Europe/Madrid"), null, Instant.EPOCH));
    ports.customers().upsert(tenant, List.of(new Customer("a", null, Map.of("plan", "pro"), Instant.EPOCH),
        new Customer("b", null, Map.of("plan", "basic"), Instant.EPOCH)));
    ports.surveys().create(tenant, NPS);
    ports.surveys().create(tenant, CSAT);
    var r1 = new SurveyResponse("r1", "nps", "a", at("2024-05-01T10:00:00Z"), 3, "La talla es pequeña", "es");
    var r2 = new SurveyResponse("r2", "nps", "b", at("2024-05-02T10:00:00Z"), 10, "Excelente calidad, buena talla", null);
    var r3 = new SurveyResponse("r3", "csat", "a", at("2024-05-03T10:00:00Z"), 5, EMOJI, "en");
    var r4 = new SurveyResponse("r4", "nps", "a", at("2024-05-04T10:00:00Z"), 8, null, null);
    var r5 = new SurveyResponse("r5", "csat", "b", at("2024-05-05T10:00:00Z"), 1, "Size too small", "en");
    ports.surveys().recordResponses(tenant, List.of(r1, r2, r3, r4, r5), Map.of(
        "r1", comment(r1, NPS, analysis("es", -0.5, "talla=talla", "talla pequeñ=talla pequeña")),
        "r2", comment(r2, NPS, analysis("es", 0.8, "calidad=calidad", "excelent calidad=excelente calidad",
            "talla=talla")),
        "r3", comment(r3, CSAT, analysis("en", 0.7, "qualiti=quality", "great qualiti=great quality")),
        "r5", comment(r5, CSAT, analysis("en", -0.4, "talla=size", "small=small"))));
    Feedback f1 = new Feedback("f1", "a", at("2024-05-06T10:00:00Z"), "App lenta pero útil", null, "chat");
    ports.feedback().recordFeedback(tenant, List.of(f1), Map.of("f1", feedbackComment(f1,
        analysis("es", 0.1, "app=app", "lent=lenta"))));
  }

  private static Comment feedbackComment(Feedback f, CommentAnalysis analysis) {
    return new Comment(Comment.Source.FEEDBACK, f.feedbackId(), f.customerId(), f.time(), f.text(), f.languageCode(),
        null, null, null, null, ScoreGroup.NONE, f.channel(), analysis);
  }

  private Scope may(Segment segment, Optional<String> survey) {
    return new Scope(tenant, at("2024-05-01T00:00:00Z"), at("2024-06-01T00:00:00Z"), segment, survey);
  }

  @Test
  void theSummaryCountsResponsesCommentsSentimentsLanguagesAndThemes() {
    var summary = ports.feedback().summarize(may(Segment.everyone(), Optional.empty()), 3);

    assertThat(summary.responses()).isEqualTo(5);
    assertThat(summary.responsesWithComment()).isEqualTo(4);
    assertThat(summary.comments()).isEqualTo(5);
    assertThat(summary.sentiments()).isEqualTo(Map.of(Sentiment.NEGATIVE, 2L, Sentiment.POSITIVE, 3L));
    assertThat(summary.sentimentSum()).isCloseTo(0.7, org.assertj.core.api.Assertions.offset(1e-9));
    assertThat(summary.languages()).isEqualTo(Map.of("es", 3L, "en", 2L));
    ThemeStats talla = summary.themes().get(0);
    assertThat(talla.key()).isEqualTo("talla");
    assertThat(talla.text()).as("the most used words").isEqualTo("talla");
    assertThat(talla.comments()).isEqualTo(3);
    assertThat(talla.negative()).isEqualTo(2);
    assertThat(talla.positive()).isEqualTo(1);
    assertThat(talla.scored()).isEqualTo(3);
    assertThat(talla.scoreSum()).isEqualTo(14.0);
    assertThat(talla.scales()).as("NPS and CSAT").isEqualTo(2);
    assertThat(summary.themes()).hasSize(3);
    assertThat(summary.negativeScoreComments()).isEqualTo(2);
    assertThat(summary.positiveScoreComments()).isEqualTo(2);
    assertThat(summary.driverCounts()).containsExactly(new ThemeCounts("talla", "talla", 2, 1, 3));
    assertThat(summary.negativeOccurrences()).isEqualTo(4);
    assertThat(summary.positiveOccurrences()).isEqualTo(5);
    assertThat(summary.allOccurrences()).isEqualTo(11);

    var pro = ports.feedback().summarize(may(new Segment(List.of(new Segment.AttributeFilter("plan", Set.of("pro")))),
        Optional.empty()), 20);
    assertThat(pro.responses()).isEqualTo(3);
    assertThat(pro.comments()).isEqualTo(3);
    var csat = ports.feedback().summarize(may(Segment.everyone(), Optional.of("csat")), 20);
    assertThat(csat.responses()).isEqualTo(2);
    assertThat(csat.comments()).as("no stand-alone feedback").isEqualTo(2);
    assertThat(ports.feedback().summarize(new Scope(tenant, at("2024-05-03T10:00:00Z"), at("2024-05-05T10:00:00Z"),
        Segment.everyone(), Optional.empty()), 20).comments()).as("half-open period").isEqualTo(1);
  }

  private List<Comment> list(CommentFilter filter) {
    return ports.feedback().list(tenant, filter, PageRequest.of(0, "")).items();
  }

  private static CommentFilter filter() {
    return new CommentFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Segment.everyone());
  }

  private static List<String> ids(List<Comment> comments) {
    return comments.stream().map(Comment::sourceId).toList();
  }

  @Test
  void commentsAreListedNewestFirstWithEveryFilter() {
    List<Comment> all = list(filter());
    assertThat(ids(all)).containsExactly("f1", "r5", "r3", "r2", "r1");
    Comment emoji = all.get(2);
    assertThat(emoji.text()).as("byte-exact").isEqualTo(EMOJI);
    assertThat(emoji.analysis().themes()).extracting(Theme::key).containsExactlyInAnyOrder("qualiti", "great qualiti");
    assertThat(emoji.score()).isEqualTo(5);
    assertThat(emoji.surveyId()).isEqualTo("csat");
    assertThat(all.get(0).channel()).isEqualTo("chat");
    assertThat(all.get(0).analysis().sentimentScore()).isEqualTo(0.1);

    var f = filter();
    assertThat(ids(list(new CommentFilter(Optional.of(at("2024-05-02T00:00:00Z")), Optional.of(at("2024-05-05T10:00:00Z")),
        f.themeKey(), f.sentiment(), f.minScore(), f.maxScore(), f.customerId(), f.language(), f.textQuery(),
        f.segment())))).containsExactly("r3", "r2");
    assertThat(ids(list(new CommentFilter(f.start(), f.end(), Optional.of("talla"), f.sentiment(), f.minScore(),
        f.maxScore(), f.customerId(), f.language(), f.textQuery(), f.segment())))).containsExactly("r5", "r2", "r1");
    assertThat(ids(list(new CommentFilter(f.start(), f.end(), f.themeKey(), Optional.of(Sentiment.NEGATIVE),
        f.minScore(), f.maxScore(), f.customerId(), f.language(), f.textQuery(), f.segment())))).containsExactly("r5", "r1");
    assertThat(ids(list(new CommentFilter(f.start(), f.end(), f.themeKey(), f.sentiment(), Optional.of(3),
        Optional.of(5), f.customerId(), f.language(), f.textQuery(), f.segment())))).containsExactly("r3", "r1");
    assertThat(ids(list(new CommentFilter(f.start(), f.end(), f.themeKey(), f.sentiment(), f.minScore(),
        f.maxScore(), Optional.of("b"), f.language(), f.textQuery(), f.segment())))).containsExactly("r5", "r2");
    assertThat(ids(list(new CommentFilter(f.start(), f.end(), f.themeKey(), f.sentiment(), f.minScore(),
        f.maxScore(), f.customerId(), Optional.of("en"), f.textQuery(), f.segment())))).containsExactly("r5", "r3");
    assertThat(ids(list(new CommentFilter(f.start(), f.end(), f.themeKey(), f.sentiment(), f.minScore(),
        f.maxScore(), f.customerId(), f.language(), Optional.of("PEQUENA"), f.segment()))))
        .as("ignoring case and accents").containsExactly("r1");
    assertThat(ids(list(new CommentFilter(f.start(), f.end(), f.themeKey(), f.sentiment(), f.minScore(),
        f.maxScore(), f.customerId(), f.language(), Optional.of("100%_"), f.segment())))).as("no wildcards").isEmpty();
    assertThat(ids(list(new CommentFilter(f.start(), f.end(), f.themeKey(), f.sentiment(), f.minScore(),
        f.maxScore(), f.customerId(), f.language(), f.textQuery(),
        new Segment(List.of(new Segment.AttributeFilter("plan", Set.of("pro")))))))).containsExactly("f1", "r3", "r1");

    List<String> walked = new ArrayList<>();
    String token = "";
    do {
      var page = ports.feedback().list(tenant, filter(), PageRequest.of(2, token));
      walked.addAll(ids(page.items()));
      token = page.nextToken();
    } while (!token.isEmpty());
    assertThat(walked).containsExactly("f1", "r5", "r3", "r2", "r1");
  }

  @Test
  void feedbackIsStoredOnceAndAConflictStoresNothing() {
    Feedback f1 = new Feedback("f1", "a", at("2024-05-06T10:00:00Z"), "App lenta pero útil", null, "chat");
    Feedback f2 = new Feedback("f2", "b", at("2024-05-07T10:00:00Z"), "Todo bien", "es", null);
    var comments = Map.of("f1", feedbackComment(f1, analysis("es", 0.1, "app=app")),
        "f2", feedbackComment(f2, analysis("es", 0.4, "bien=bien")));
    assertThat(ports.feedback().recordFeedback(tenant, List.of(f1, f2), comments)).isEqualTo(new RecordOutcome(1, 1));
    assertThat(ports.feedback().recordFeedback(tenant, List.of(f1, f2), comments)).isEqualTo(new RecordOutcome(0, 2));
    Feedback changed = new Feedback("f2", "b", at("2024-05-07T10:00:00Z"), "Todo mal", "es", null);
    Feedback f3 = new Feedback("f3", "b", at("2024-05-08T10:00:00Z"), "Nuevo", "es", null);
    assertThatThrownBy(() -> ports.feedback().recordFeedback(tenant, List.of(f3, changed), Map.of(
        "f3", feedbackComment(f3, analysis("es", 0, "nuev=nuevo")), "f2", feedbackComment(changed, analysis("es", -0.4)))))
        .isInstanceOfSatisfying(CskpiException.class, e -> assertThat(e.reason()).isEqualTo("FEEDBACK_ID_CONFLICT"));
    assertThat(ids(list(filter()))).containsExactly("f2", "f1", "r5", "r3", "r2", "r1");
  }
}
