package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.google.type.Date;
import io.cskpi.adapters.mysql.TestDatabase;
import io.cskpi.proto.v1.AttributeFilter;
import io.cskpi.proto.v1.CalendarPeriod;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ChurnRate;
import io.cskpi.proto.v1.ClvMethod;
import io.cskpi.proto.v1.ComputeChurnRateRequest;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueRequest;
import io.cskpi.proto.v1.ComputeCustomerSatisfactionRequest;
import io.cskpi.proto.v1.ComputeFeedbackSummaryRequest;
import io.cskpi.proto.v1.FeedbackServiceGrpc;
import io.cskpi.proto.v1.CustomerLifetimeValue;
import io.cskpi.proto.v1.CustomerSatisfaction;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.cskpi.proto.v1.Period;
import io.grpc.ManagedChannel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three public datasets of the README, loaded by the packaged jar's import-dataset command
 * into the packaged server, and every figure checked against the independent script
 * src/test/independent/datasets_kpis.py.
 */
class DatasetsEndToEndIT {

  private static Processes.Server server;
  private static ManagedChannel channel;
  private static KpiServiceGrpc.KpiServiceBlockingStub kpis;
  private static Struct expected;

  @BeforeAll
  static void load() throws Exception {
    Path data = Processes.sharedData();
    String json = Processes.run(List.of("python3",
        Processes.ROOT.resolve("server/src/test/independent/datasets_kpis.py").toString(), data.toString()), 300);
    Struct.Builder figures = Struct.newBuilder();
    JsonFormat.parser().merge(json, figures);
    expected = figures.build();
    server = new Processes.Server(List.of("--db-url", TestDatabase.jdbcUrl(), "--db-user", TestDatabase.user(),
        "--db-password", TestDatabase.password()));
    for (String[] dataset : new String[][] {
        {"telco", "telco-churn/WA_Fn-UseC_-Telco-Customer-Churn.csv"},
        {"online-retail", "online-retail/online_retail.csv.gz"},
        {"clothing-reviews", "womens-clothing-reviews/womens_clothing_ecommerce_reviews.csv"}}) {
      String report = Processes.run(List.of("java", "-jar", Processes.JAR.toString(), "import-dataset",
          "--target", "127.0.0.1:" + server.port, "--api-key", server.key, "--dataset", dataset[0], data.resolve(dataset[1]).toString()), 600);
      assertThat(report).contains("already recorded: 0");
    }
    channel = Clients.channel(server.port, server.key);
    kpis = KpiServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  private static Period calendar(CalendarUnit unit, int year, int month) {
    return Period.newBuilder().setCalendar(CalendarPeriod.newBuilder().setUnit(unit)
        .setDate(Date.newBuilder().setYear(year).setMonth(month).setDay(1))).build();
  }

  private static List<AttributeFilter> segment(String key, String value) {
    return value == null ? List.of() : List.of(AttributeFilter.newBuilder().setKey(key).addValues(value).build());
  }

  private static Struct struct(Struct parent, String... path) {
    Struct struct = parent;
    for (String key : path) {
      struct = struct.getFieldsOrThrow(key).getStructValue();
    }
    return struct;
  }

  private static long number(Struct struct, String field) {
    return (long) struct.getFieldsOrThrow(field).getNumberValue();
  }

  private static void assertChurn(ChurnRate churn, Struct figures, String what) {
    assertThat(churn.getCustomersAtStart()).as(what + " S").isEqualTo(number(figures, "S"));
    assertThat(churn.getChurned()).as(what + " C").isEqualTo(number(figures, "C"));
    assertThat(churn.getNewCustomers()).as(what + " new").isEqualTo(number(figures, "new"));
    assertThat(churn.getReactivations()).as(what + " reactivations").isEqualTo(number(figures, "reactivations"));
    assertThat(churn.getNewAndChurned()).as(what + " new and churned").isEqualTo(number(figures, "new_and_churned"));
    assertThat(churn.getActiveAtEnd()).as(what + " active at end").isEqualTo(number(figures, "active_at_end"));
    assertThat(churn.getRatePercent()).as(what + " rate")
        .isCloseTo(figures.getFieldsOrThrow("rate").getNumberValue(), offset(1e-9));
  }

  @Test
  void telcoChurnOfTheFinalMonthPerContract() {
    Struct december = struct(expected, "telco", "december_2019_churn");
    for (String contract : new String[] {null, "Month-to-month", "One year", "Two year"}) {
      ChurnRate churn = kpis.computeChurnRate(ComputeChurnRateRequest.newBuilder().setTenant("tenants/telco")
          .setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, 2019, 12))
          .addAllSegment(segment("contract", contract)).build()).getChurnRates(0);
      assertChurn(churn, struct(december, contract == null ? "all" : contract), "telco " + contract);
    }
  }

  @Test
  void telcoClvByArpaAndChurnPerContract() {
    for (String[] period : new String[][] {{"clv_arpa_churn_2019", "YEAR", "1"}, {"clv_arpa_churn_q4_2019", "QUARTER", "10"}}) {
      for (String contract : new String[] {null, "Month-to-month", "One year", "Two year"}) {
        Struct figures = struct(expected, "telco", period[0], contract == null ? "all" : contract);
        CustomerLifetimeValue clv = kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest.newBuilder()
            .setTenant("tenants/telco").setMethod(ClvMethod.CLV_METHOD_ARPA_CHURN)
            .setPeriod(calendar(CalendarUnit.valueOf("CALENDAR_UNIT_" + period[1]), 2019, Integer.parseInt(period[2])))
            .addAllSegment(segment("contract", contract)).build()).getCustomerLifetimeValues(0);
        String what = period[0] + " " + contract;
        assertThat(clv.getValue().getAmount()).as(what).isEqualTo(figures.getFieldsOrThrow("clv_rounded").getStringValue());
        assertThat(clv.getArpaChurn().getMonthlyChurnPercent()).as(what)
            .isCloseTo(figures.getFieldsOrThrow("monthly_churn_pct").getNumberValue(), offset(1e-9));
        assertThat(new BigDecimal(clv.getArpaChurn().getArpaPerMonth().getAmount())).as(what)
            .isCloseTo(new BigDecimal(figures.getFieldsOrThrow("arpa").getStringValue()), offset(new BigDecimal("1e-20")));
      }
    }
  }

  @Test
  void onlineRetailChurnPerQuarterOf2011() {
    List<ChurnRate> quarters = kpis.computeChurnRate(ComputeChurnRateRequest.newBuilder()
        .setTenant("tenants/online-retail").setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_QUARTER, 2011, 1))
        .setPeriodCount(4).build()).getChurnRatesList();

    List<Value> figures = expected.getFieldsOrThrow("online_retail").getStructValue()
        .getFieldsOrThrow("churn_quarters_2011").getListValue().getValuesList();
    for (int i = 0; i < 4; i++) {
      assertChurn(quarters.get(i), figures.get(i).getStructValue(), "online retail " + quarters.get(i).getPeriod().getLabel());
    }
  }

  @Test
  void onlineRetailClvOf2011OverallAndPerCountry() {
    Struct retail = struct(expected, "online_retail");
    List<Map.Entry<String, Struct>> cases = new ArrayList<>();
    cases.add(Map.entry("", struct(retail, "clv_historical_2011")));
    struct(retail, "clv_historical_2011_by_country").getFieldsMap()
        .forEach((country, figures) -> cases.add(Map.entry(country, figures.getStructValue())));
    assertThat(cases).hasSizeGreaterThan(30);
    for (var entry : cases) {
      CustomerLifetimeValue clv = kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest.newBuilder()
          .setTenant("tenants/online-retail").setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_YEAR, 2011, 1))
          .addAllSegment(segment("country", entry.getKey().isEmpty() ? null : entry.getKey())).build())
          .getCustomerLifetimeValues(0);
      Struct figures = entry.getValue();
      String what = "CLV 2011 " + entry.getKey();
      assertThat(new BigDecimal(clv.getHistorical().getRevenue().getAmount())).as(what)
          .isEqualByComparingTo(figures.getFieldsOrThrow("revenue").getStringValue());
      assertThat(clv.getHistorical().getPurchases()).as(what).isEqualTo(number(figures, "purchases"));
      assertThat(clv.getHistorical().getPurchasingCustomers()).as(what).isEqualTo(number(figures, "customers"));
      Value value = figures.getFieldsOrThrow("clv_rounded");
      if (value.hasNullValue()) {
        assertThat(clv.hasValue()).as(what + " undefined").isFalse();
      } else {
        assertThat(clv.getValue().getAmount()).as(what).isEqualTo(value.getStringValue());
        assertThat(clv.getHistorical().getChurnedCustomers()).as(what).isEqualTo(number(figures, "churned_customers"));
      }
    }
  }

  @Test
  void clothingReviewsCsatOverallAndPerDepartment() {
    Struct reviews = struct(expected, "clothing_reviews");
    CustomerSatisfaction all = csat(null);
    assertThat(all.getRatePercent()).isCloseTo(reviews.getFieldsOrThrow("csat").getNumberValue(), offset(1e-9));
    assertThat(String.format("%.2f", all.getRatePercent())).isEqualTo("77.53");
    assertThat(all.getWilsonLowPercent()).isCloseTo(struct(reviews, "wilson95").getFieldsOrThrow("low").getNumberValue(),
        offset(1e-9));
    struct(reviews, "by_department").getFieldsMap().forEach((department, figures) -> {
      CustomerSatisfaction csat = csat(department);
      assertThat(csat.getAnswered()).as(department).isEqualTo(number(figures.getStructValue(), "answered"));
      assertThat(csat.getSatisfied()).as(department).isEqualTo(number(figures.getStructValue(), "satisfied"));
    });
  }

  @Test
  void onlineRetailHealthWithTheDefaultAndACustomModel() throws Exception {
    Struct figures = OnlineRetailHealth.independent();
    OnlineRetailHealth health = new OnlineRetailHealth(channel);
    int custom = health.setCustomModel();
    health.matches(figures, "default", 0);
    health.matches(figures, "custom", custom);
    health.handWorkedCustomers(custom);
  }

  /**
   * The clothing reviews' comments through the feedback summary: the counts against the script; the
   * sentiment and themes are the analyser's (its agreement is measured in adapters/text), so only
   * their shape is checked here.
   */
  @Test
  void clothingReviewsFeedbackSummary() {
    Struct reviews = struct(expected, "clothing_reviews");
    var summary = FeedbackServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.MINUTES)
        .computeFeedbackSummary(ComputeFeedbackSummaryRequest.newBuilder().setTenant("tenants/clothing-reviews")
            .setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_YEAR, 2018, 1)).build());
    assertThat(summary.getResponses()).isEqualTo(23486);
    assertThat(summary.getComments()).isEqualTo(number(reviews, "comments"));
    assertThat(summary.getResponsesWithComment()).isEqualTo(number(reviews, "comments"));
    assertThat(summary.getNegativeScoreComments()).isEqualTo(number(reviews, "negative_score_comments"));
    assertThat(summary.getPositiveScoreComments()).isEqualTo(number(reviews, "positive_score_comments"));
    assertThat(summary.getNegative() + summary.getNeutral() + summary.getPositive()).isEqualTo(summary.getComments());
    assertThat(summary.getPositive()).as("mostly praise").isGreaterThan(summary.getNegative());
    assertThat(summary.getThemesCount()).isEqualTo(20);
    assertThat(summary.getNegativeDriversCount()).isEqualTo(20);
    assertThat(summary.getPositiveDriversCount()).isEqualTo(20);
    assertThat(summary.getLanguagesMap()).containsOnlyKeys("en");
  }

  private static CustomerSatisfaction csat(String department) {
    return kpis.computeCustomerSatisfaction(ComputeCustomerSatisfactionRequest.newBuilder()
        .setTenant("tenants/clothing-reviews").setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_YEAR, 2018, 1))
        .addAllSegment(segment("department", department)).build()).getCustomerSatisfactions(0);
  }
}
