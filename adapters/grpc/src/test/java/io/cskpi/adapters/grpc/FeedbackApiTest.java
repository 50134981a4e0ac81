package io.cskpi.adapters.grpc;

import static io.cskpi.adapters.grpc.Api.calendar;
import static io.cskpi.adapters.grpc.Api.code;
import static io.cskpi.adapters.grpc.Api.customer;
import static io.cskpi.adapters.grpc.Api.fields;
import static io.cskpi.adapters.grpc.Api.reason;
import static io.cskpi.adapters.grpc.Api.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.proto.v1.BatchRecordFeedbackRequest;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.Comment;
import io.cskpi.proto.v1.ComputeFeedbackSummaryRequest;
import io.cskpi.proto.v1.ComputeFeedbackSummaryResponse;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Feedback;
import io.cskpi.proto.v1.ListCommentsRequest;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.SentimentLabel;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.cskpi.proto.v1.SurveyResponse;
import io.cskpi.proto.v1.Tenant;
import io.cskpi.proto.v1.ThemeDriver;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec section 7 through the API: comments stored as given, analysed once, summarised and listed. */
class FeedbackApiTest {

  private static final String T = "tenants/acme";
  private static final Period MARCH = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-03-01", "");
  private static final String EMOJI = "Support was great \uD83D\uDC4D\uD83C\uDFFD \u2014 merci";

  private InProcessApi api;
  private int next;

  @BeforeEach
  void start() throws Exception {
    api = new InProcessApi();
    api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme")
        .setTenant(Tenant.newBuilder().setTimeZone("UTC")).build());
    api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
        .addCustomers(customer("a", "2024-01-01T00:00:00Z").toBuilder().putAttributes("country", "ES"))
        .addCustomers(customer("b", "2024-01-01T00:00:00Z").toBuilder().putAttributes("country", "BR")).build());
    api.surveys.createSurvey(CreateSurveyRequest.newBuilder().setParent(T)
        .setSurvey(Survey.newBuilder().setSurveyId("nps").setKind(SurveyKind.SURVEY_KIND_NPS)).build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private SurveyResponse answer(String customer, int score, String comment, String language) {
    return SurveyResponse.newBuilder().setResponseId("r" + next++).setSurveyId("nps").setCustomerId(customer)
        .setResponseTime(ts("2025-03-" + String.format("%02d", 1 + next % 28) + "T12:00:00Z")).setScore(score)
        .setComment(comment).setLanguageCode(language).build();
  }

  private void record(SurveyResponse... responses) {
    api.surveys.batchRecordSurveyResponses(BatchRecordSurveyResponsesRequest.newBuilder().setParent(T)
        .addAllResponses(List.of(responses)).build());
  }

  private Feedback feedback(String id, String text, String language) {
    return Feedback.newBuilder().setFeedbackId(id).setCustomerId("a").setTime(ts("2025-03-20T09:00:00Z")).setText(text)
        .setLanguageCode(language).build();
  }

  private List<Comment> list(ListCommentsRequest.Builder request) {
    return api.feedback.listComments(request.setParent(T).build()).getCommentsList();
  }

  private ComputeFeedbackSummaryResponse summary() {
    return api.feedback.computeFeedbackSummary(ComputeFeedbackSummaryRequest.newBuilder().setTenant(T)
        .setPeriod(MARCH).build());
  }

  @Test
  void aCommentWithEmojiAndAccentsRoundTripsUnchanged() {
    record(answer("a", 10, EMOJI, "en"));
    Comment comment = list(ListCommentsRequest.newBuilder()).get(0);
    assertThat(comment.getText()).isEqualTo(EMOJI);
    assertThat(comment.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(EMOJI.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(comment.getLanguage()).isEqualTo("en");
    assertThat(comment.getLanguageDetected()).isFalse();
    assertThat(comment.getSentiment()).isEqualTo(SentimentLabel.SENTIMENT_LABEL_POSITIVE);
    assertThat(comment.getName()).startsWith(T + "/surveyResponses/");
    assertThat(comment.getScore()).isEqualTo(10);
  }

  @Test
  void excerptsCountCodePointsAndNeverSplitAnEmoji() {
    api.feedback.batchRecordFeedback(BatchRecordFeedbackRequest.newBuilder().setParent(T)
        .addFeedback(feedback("long", "a".repeat(199) + "\uD83D\uDE00" + "tail", "en")).build());
    assertThat(list(ListCommentsRequest.newBuilder()).get(0).getExcerpt()).isEqualTo("a".repeat(199) + "\uD83D\uDE00");
  }

  @Test
  void spanishNegationFlipsTheSentimentAndTheLanguageIsDetected() {
    api.feedback.batchRecordFeedback(BatchRecordFeedbackRequest.newBuilder().setParent(T)
        .addFeedback(feedback("f1", "Me gusta mucho el producto, la atención es excelente", ""))
        .addFeedback(feedback("f2", "No me gusta el producto y la atención no es buena", ""))
        .addFeedback(feedback("f3", "O atendimento é ótimo, mas a entrega não é boa e demorou muito", ""))
        .build());
    List<Comment> comments = list(ListCommentsRequest.newBuilder());
    Comment liked = comments.stream().filter(c -> c.getName().endsWith("/f1")).findFirst().orElseThrow();
    Comment disliked = comments.stream().filter(c -> c.getName().endsWith("/f2")).findFirst().orElseThrow();
    assertThat(liked.getSentiment()).isEqualTo(SentimentLabel.SENTIMENT_LABEL_POSITIVE);
    assertThat(disliked.getSentiment()).isEqualTo(SentimentLabel.SENTIMENT_LABEL_NEGATIVE);
    assertThat(liked.getLanguage()).isEqualTo("es");
    assertThat(liked.getLanguageDetected()).isTrue();
    assertThat(comments.stream().filter(c -> c.getName().endsWith("/f3")).findFirst().orElseThrow().getLanguage())
        .isEqualTo("pt");
  }

  @Test
  void theSummaryCountsSharesSentimentsThemesAndDrivers() {
    List<SurveyResponse> responses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      responses.add(answer("a", 2, "La entrega fue lenta y el envío llegó tarde", "es"));
      responses.add(answer("b", 10, "Excelente calidad, me encanta la calidad del producto", "es"));
    }
    responses.add(answer("a", 8, "", "es")); // blank: no comment
    responses.add(answer("b", 7, "  \n ", "es"));
    record(responses.toArray(SurveyResponse[]::new));

    ComputeFeedbackSummaryResponse summary = summary();
    assertThat(summary.getResponses()).isEqualTo(14);
    assertThat(summary.getResponsesWithComment()).isEqualTo(12);
    assertThat(summary.getCommentSharePercent()).isEqualTo(100.0 * 12 / 14);
    assertThat(summary.getComments()).isEqualTo(12);
    assertThat(summary.getNegative()).isEqualTo(6);
    assertThat(summary.getPositive()).isEqualTo(6);
    assertThat(summary.getLanguagesMap()).containsEntry("es", 12L);
    assertThat(summary.getNegativeScoreComments()).isEqualTo(6);
    assertThat(summary.getPositiveScoreComments()).isEqualTo(6);
    assertThat(summary.getThemesList()).isNotEmpty().allSatisfy(t -> assertThat(t.getComments()).isEqualTo(6));
    assertThat(summary.getNegativeDriversList()).extracting(ThemeDriver::getText).anySatisfy(text ->
        assertThat(text).contains("entrega"));
    assertThat(summary.getPositiveDriversList()).extracting(ThemeDriver::getText).anySatisfy(text ->
        assertThat(text).contains("calidad"));
    assertThat(summary.getNegativeDriversList()).allSatisfy(d -> {
      assertThat(d.getNegativeComments()).isEqualTo(6);
      assertThat(d.getPositiveComments()).isZero();
      assertThat(d.getZScore()).isPositive();
    });
  }

  @Test
  void commentsAreFilteredAndPaged() {
    record(answer("a", 2, "La entrega fue lenta", "es"), answer("b", 10, "Excelente calidad", "es"),
        answer("a", 9, "Great quality", "en"));
    assertThat(list(ListCommentsRequest.newBuilder())).hasSize(3);
    assertThat(list(ListCommentsRequest.newBuilder().setSentiment(SentimentLabel.SENTIMENT_LABEL_NEGATIVE)))
        .extracting(Comment::getText).containsExactly("La entrega fue lenta");
    assertThat(list(ListCommentsRequest.newBuilder().setMinScore(9))).hasSize(2);
    assertThat(list(ListCommentsRequest.newBuilder().setCustomerId("b"))).extracting(Comment::getText)
        .containsExactly("Excelente calidad");
    assertThat(list(ListCommentsRequest.newBuilder().setLanguage("en"))).extracting(Comment::getText)
        .containsExactly("Great quality");
    assertThat(list(ListCommentsRequest.newBuilder().setTextQuery("CALIDAD"))).hasSize(1);
    String theme = list(ListCommentsRequest.newBuilder().setCustomerId("b")).get(0).getThemes(0);
    assertThat(list(ListCommentsRequest.newBuilder().setTheme(theme))).extracting(Comment::getText)
        .contains("Excelente calidad");
    var first = api.feedback.listComments(ListCommentsRequest.newBuilder().setParent(T).setPageSize(2).build());
    assertThat(first.getCommentsCount()).isEqualTo(2);
    var second = api.feedback.listComments(ListCommentsRequest.newBuilder().setParent(T).setPageSize(2)
        .setPageToken(first.getNextPageToken()).build());
    assertThat(second.getCommentsCount()).isEqualTo(1);
    assertThat(second.getNextPageToken()).isEmpty();
  }

  private static StatusRuntimeException failure(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void badInputNamesTheFieldAndStoresNothing() {
    var tooLong = failure(() -> api.feedback.batchRecordFeedback(BatchRecordFeedbackRequest.newBuilder().setParent(T)
        .addFeedback(feedback("ok", "fine", "en")).addFeedback(feedback("long", "x".repeat(5001), "en")).build()));
    assertThat(code(tooLong)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(tooLong)).containsExactly("feedback[1].text");
    assertThat(fields(failure(() -> api.feedback.batchRecordFeedback(BatchRecordFeedbackRequest.newBuilder()
        .setParent(T).addFeedback(feedback("blank", "   ", "en")).build())))).containsExactly("feedback[0].text");
    assertThat(fields(failure(() -> api.feedback.batchRecordFeedback(BatchRecordFeedbackRequest.newBuilder()
        .setParent(T).addFeedback(feedback("lang", "hola", "español!")).build()))))
        .containsExactly("feedback[0].language_code");
    assertThat(list(ListCommentsRequest.newBuilder())).as("nothing of a rejected batch").isEmpty();
    var unknown = failure(() -> api.feedback.batchRecordFeedback(BatchRecordFeedbackRequest.newBuilder().setParent(T)
        .addFeedback(feedback("x", "hola", "es").toBuilder().setCustomerId("nobody")).build()));
    assertThat(code(unknown)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(fields(unknown)).containsExactly("feedback[0].customer_id");
    assertThat(fields(failure(() -> list(ListCommentsRequest.newBuilder().setMinScore(9).setMaxScore(2)))))
        .containsExactly("max_score");
    assertThat(fields(failure(() -> list(ListCommentsRequest.newBuilder().setLanguage("fr")))))
        .containsExactly("language");
    assertThat(fields(failure(() -> api.feedback.computeFeedbackSummary(ComputeFeedbackSummaryRequest.newBuilder()
        .setTenant(T).setPeriod(MARCH).setThemeCount(101).build())))).containsExactly("theme_count");
    var noSurvey = failure(() -> api.feedback.computeFeedbackSummary(ComputeFeedbackSummaryRequest.newBuilder()
        .setTenant(T).setPeriod(MARCH).setSurveyId("nope").build()));
    assertThat(reason(noSurvey)).isEqualTo("SURVEY_NOT_FOUND");
  }

  @Test
  void controlCharactersAreKeptAndTheRestOfTheResponseToo() {
    record(answer("a", 3, "Mal\u0007 servicio\u0000 y\ttarde", "es"));
    Comment comment = list(ListCommentsRequest.newBuilder()).get(0);
    assertThat(comment.getText()).isEqualTo("Mal\u0007 servicio\u0000 y\ttarde");
    assertThat(comment.getScore()).isEqualTo(3);
    assertThat(summary().getResponses()).isEqualTo(1);
  }

  @Test
  void retriedFeedbackIsIdempotentAndAConflictIsRefused() {
    var request = BatchRecordFeedbackRequest.newBuilder().setParent(T).addFeedback(feedback("f1", "Muy bien", "es"))
        .build();
    assertThat(api.feedback.batchRecordFeedback(request).getRecordedCount()).isEqualTo(1);
    assertThat(api.feedback.batchRecordFeedback(request).getAlreadyRecordedCount()).isEqualTo(1);
    var conflict = failure(() -> api.feedback.batchRecordFeedback(BatchRecordFeedbackRequest.newBuilder().setParent(T)
        .addFeedback(feedback("f1", "Muy mal", "es")).build()));
    assertThat(code(conflict)).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(reason(conflict)).isEqualTo("FEEDBACK_ID_CONFLICT");
    assertThatThrownBy(() -> list(ListCommentsRequest.newBuilder().setPageToken("garbage")))
        .isInstanceOf(StatusRuntimeException.class);
  }
}
