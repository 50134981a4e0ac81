package io.cskpi.adapters.grpc;

import static io.cskpi.adapters.grpc.Api.calendar;
import static io.cskpi.adapters.grpc.Api.code;
import static io.cskpi.adapters.grpc.Api.customer;
import static io.cskpi.adapters.grpc.Api.fields;
import static io.cskpi.adapters.grpc.Api.reason;
import static io.cskpi.adapters.grpc.Api.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import com.google.protobuf.util.JsonFormat;
import io.cskpi.proto.v1.AttributeFilter;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesResponse;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ComputeCustomerSatisfactionRequest;
import io.cskpi.proto.v1.ComputeNetPromoterScoreRequest;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.CsatScale;
import io.cskpi.proto.v1.CustomerSatisfaction;
import io.cskpi.proto.v1.NetPromoterScore;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.cskpi.proto.v1.SurveyResponse;
import io.cskpi.proto.v1.Tenant;
import io.cskpi.proto.v1.UndefinedReason;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NPS and CSAT through the real gRPC API: the spec's examples, its pitfalls and bad input. */
class SurveyApiTest {

  private static final String T = "tenants/acme";
  private static final Period MARCH = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-03-01", "");

  private InProcessApi api;
  private int next;

  @BeforeEach
  void start() throws Exception {
    api = new InProcessApi();
    tenant("UTC");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private void tenant(String zone) {
    api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme")
        .setTenant(Tenant.newBuilder().setTimeZone(zone)).build());
    api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(T)
        .addCustomers(customer("a", "2024-01-01T00:00:00Z").toBuilder().putAttributes("country", "ES"))
        .addCustomers(customer("b", "2024-01-01T00:00:00Z")).build());
    survey(Survey.newBuilder().setSurveyId("nps").setKind(SurveyKind.SURVEY_KIND_NPS).build());
    survey(Survey.newBuilder().setSurveyId("csat").setKind(SurveyKind.SURVEY_KIND_CSAT).build());
  }

  private Survey survey(Survey survey) {
    return api.surveys.createSurvey(CreateSurveyRequest.newBuilder().setParent(T).setSurvey(survey).build());
  }

  private SurveyResponse answer(String survey, String customer, String time, Integer score) {
    SurveyResponse.Builder response = SurveyResponse.newBuilder().setResponseId("r" + next++).setSurveyId(survey)
        .setCustomerId(customer).setResponseTime(ts(time));
    if (score != null) {
      response.setScore(score);
    }
    return response.build();
  }

  private BatchRecordSurveyResponsesResponse record(List<SurveyResponse> responses) {
    return api.surveys.batchRecordSurveyResponses(
        BatchRecordSurveyResponsesRequest.newBuilder().setParent(T).addAllResponses(responses).build());
  }

  private List<SurveyResponse> scores(String survey, int... scores) {
    List<SurveyResponse> responses = new ArrayList<>();
    for (int score : scores) {
      responses.add(answer(survey, "a", "2025-03-10T12:00:00Z", score));
    }
    return responses;
  }

  private NetPromoterScore nps(Period period) {
    return api.kpis.computeNetPromoterScore(ComputeNetPromoterScoreRequest.newBuilder().setTenant(T)
        .setPeriod(period).build()).getNetPromoterScores(0);
  }

  private CustomerSatisfaction csat(Period period) {
    return api.kpis.computeCustomerSatisfaction(ComputeCustomerSatisfactionRequest.newBuilder().setTenant(T)
        .setPeriod(period).build()).getCustomerSatisfactions(0);
  }

  @Test
  void npsExampleOfTheSpec() {
    // 120 responses: 60 promoters, 40 passives, 20 detractors: NPS 33.33, margin +/- 13.34
    List<SurveyResponse> responses = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      responses.add(answer("nps", "a", "2025-03-10T12:00:00Z", i < 60 ? 9 + i % 2 : i < 100 ? 7 + i % 2 : i % 7));
    }
    record(responses);

    NetPromoterScore nps = nps(MARCH);

    assertThat(nps.getScore()).isCloseTo(100.0 / 3, offset(1e-9));
    assertThat(nps.getMarginOfError95()).isCloseTo(13.34, offset(0.005));
    assertThat(nps.getStandardError()).isCloseTo(6.80, offset(0.005));
    assertThat(List.of(nps.getResponses(), nps.getPromoters(), nps.getPassives(), nps.getDetractors()))
        .containsExactly(120L, 60L, 40L, 20L);
    assertThat(nps.getResponsesByScoreList()).hasSize(11);
  }

  @Test
  void npsBucketsComeFromTheScore() {
    record(scores("nps", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    assertThat(nps(MARCH).getScore()).isCloseTo(-40.0, offset(1e-9));

    record(List.of(answer("nps", "b", "2025-03-11T00:00:00Z", 0)));
    assertThat(nps(MARCH).getScore()).isCloseTo(-500.0 / 11, offset(1e-9));
  }

  @Test
  void scoresOutsideTheScaleOrNotIntegersAreRefused() {
    for (int score : new int[] {11, -1}) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> record(List.of(answer("nps", "a", "2025-03-10T12:00:00Z", 5), answer("nps", "a", "2025-03-10T12:00:00Z", score))));
      assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(fields(e)).containsExactly("responses[1].score");
    }
    assertThatThrownBy(() -> JsonFormat.parser().merge("{\"score\": 6.5}", SurveyResponse.newBuilder()))
        .as("6.5 cannot even be sent: score is an integer field").isInstanceOf(Exception.class);
    assertThat(nps(MARCH).hasScore()).as("nothing of the rejected batches was stored").isFalse();
  }

  @Test
  void csatExampleAndPitfalls() {
    List<Integer> example = new ArrayList<>();
    for (int[] group : new int[][] {{40, 5}, {30, 4}, {10, 3}, {5, 2}, {15, 1}}) {
      for (int i = 0; i < group[0]; i++) {
        example.add(group[1]);
      }
    }
    record(scores("csat", example.stream().mapToInt(Integer::intValue).toArray()));
    assertThat(csat(MARCH).getRatePercent()).isEqualTo(70.0);

    Period april = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-04-01", "");
    List<SurveyResponse> pitfall = new ArrayList<>();
    for (int score : new int[] {5, 5, 4, 4, 4, 3, 2, 1}) {
      pitfall.add(answer("csat", "a", "2025-04-10T12:00:00Z", score));
    }
    pitfall.add(answer("csat", "b", "2025-04-10T12:00:00Z", null));
    record(pitfall);
    CustomerSatisfaction aprilCsat = csat(april);
    assertThat(aprilCsat.getRatePercent()).isEqualTo(62.5);
    assertThat(aprilCsat.getAnswered()).isEqualTo(8);
    assertThat(aprilCsat.getMeanScore()).isEqualTo(3.5);
    assertThat(aprilCsat.getWilsonLowPercent()).isLessThan(62.5);
    assertThat(aprilCsat.getWilsonHighPercent()).isGreaterThan(62.5);

    record(List.of(answer("csat", "b", "2025-05-10T12:00:00Z", null)));
    CustomerSatisfaction may = csat(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-05-01", ""));
    assertThat(may.hasRatePercent()).isFalse();
    assertThat(may.getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_NO_DATA);
  }

  @Test
  void surveysOnDifferentScalesCombineByTheirOwnThresholds() {
    survey(Survey.newBuilder().setSurveyId("ten").setKind(SurveyKind.SURVEY_KIND_CSAT)
        .setCsatScale(CsatScale.newBuilder().setMin(1).setMax(10).setSatisfiedFrom(6)).build());
    List<SurveyResponse> responses = new ArrayList<>(scores("ten", 6, 10, 5, 1));
    responses.addAll(scores("csat", 4, 3));
    record(responses);

    CustomerSatisfaction csat = csat(MARCH);

    assertThat(csat.getRatePercent()).isEqualTo(50.0);
    assertThat(csat.hasMeanScore()).as("no mean across scales").isFalse();
    assertThat(csat.getSurveysList()).extracting(s -> s.getSurveyId() + ":" + s.getSatisfied() + "/" + s.getAnswered())
        .containsExactly("csat:1/2", "ten:2/4");
  }

  @Test
  void periodsFollowTheTenantZone() {
    api.close();
    api = new InProcessApi();
    tenant("America/New_York");
    record(List.of(answer("nps", "a", "2017-03-01T02:00:00Z", 10), answer("nps", "a", "2017-03-01T05:00:00Z", 0)));

    NetPromoterScore february = nps(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2017-02-01", ""));
    NetPromoterScore march = nps(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2017-03-01", ""));
    NetPromoterScore shanghaiDay = nps(calendar(CalendarUnit.CALENDAR_UNIT_DAY, "2017-03-01", "Asia/Shanghai"));

    assertThat(february.getPromoters()).isEqualTo(1);
    assertThat(february.getDetractors()).isZero();
    assertThat(march.getDetractors()).isEqualTo(1);
    assertThat(shanghaiDay.getResponses()).as("10:00 and 13:00 on March 1 in Shanghai").isEqualTo(2);
  }

  @Test
  void badSurveyInputIsNamed() {
    StatusRuntimeException unknownSurvey = catchThrowableOfType(StatusRuntimeException.class,
        () -> record(List.of(answer("ghost", "a", "2025-03-10T12:00:00Z", 5))));
    StatusRuntimeException badThreshold = catchThrowableOfType(StatusRuntimeException.class, () -> survey(
        Survey.newBuilder().setSurveyId("bad").setKind(SurveyKind.SURVEY_KIND_CSAT)
            .setCsatScale(CsatScale.newBuilder().setMin(1).setMax(5).setSatisfiedFrom(6)).build()));
    StatusRuntimeException otherDefinition = catchThrowableOfType(StatusRuntimeException.class, () -> survey(
        Survey.newBuilder().setSurveyId("csat").setKind(SurveyKind.SURVEY_KIND_CSAT)
            .setCsatScale(CsatScale.newBuilder().setMin(1).setMax(7)).build()));
    StatusRuntimeException longSeries = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.kpis.computeNetPromoterScore(ComputeNetPromoterScoreRequest.newBuilder().setTenant(T)
            .setPeriod(MARCH).setPeriodCount(37).build()));
    StatusRuntimeException unknownAttribute = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.kpis.computeCustomerSatisfaction(ComputeCustomerSatisfactionRequest.newBuilder().setTenant(T)
            .setPeriod(MARCH).addSegment(AttributeFilter.newBuilder().setKey("industry").addValues("retail")).build()));

    assertThat(code(unknownSurvey)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reason(unknownSurvey)).isEqualTo("SURVEY_NOT_FOUND");
    assertThat(fields(unknownSurvey)).containsExactly("responses[0].survey_id");
    assertThat(fields(badThreshold)).containsExactly("survey.csat_scale.satisfied_from");
    assertThat(code(otherDefinition)).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(fields(longSeries)).containsExactly("period_count");
    StatusRuntimeException pastTheYear9999 = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.kpis.computeNetPromoterScore(ComputeNetPromoterScoreRequest.newBuilder().setTenant(T)
            .setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_YEAR, "9998-01-01", "")).setPeriodCount(3).build()));
    assertThat(fields(pastTheYear9999)).containsExactly("period_count");
    assertThat(fields(unknownAttribute)).containsExactly("segment[0].key");
  }

  @Test
  void aSeriesAndASegmentInOneCall() {
    record(List.of(answer("nps", "a", "2025-01-10T00:00:00Z", 10), answer("nps", "b", "2025-02-10T00:00:00Z", 0),
        answer("nps", "a", "2025-03-10T00:00:00Z", 0)));

    List<NetPromoterScore> series = api.kpis.computeNetPromoterScore(ComputeNetPromoterScoreRequest.newBuilder()
        .setTenant(T).setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-01-01", "")).setPeriodCount(3)
        .addSegment(AttributeFilter.newBuilder().setKey("country").addValues("ES")).build()).getNetPromoterScoresList();

    assertThat(series).extracting(n -> n.getPeriod().getLabel()).containsExactly("2025-01", "2025-02", "2025-03");
    assertThat(series).extracting(NetPromoterScore::getResponses).containsExactly(1L, 0L, 1L);
    assertThat(series.get(1).getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_NO_DATA);
  }
}
