package io.cskpi.adapters.grpc;

import static io.cskpi.adapters.grpc.Api.code;
import static io.cskpi.adapters.grpc.Api.customer;
import static io.cskpi.adapters.grpc.Api.fields;
import static io.cskpi.adapters.grpc.Api.purchase;
import static io.cskpi.adapters.grpc.Api.reason;
import static io.cskpi.adapters.grpc.Api.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import com.google.type.Date;
import io.cskpi.proto.v1.AttributeFilter;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordSignalsRequest;
import io.cskpi.proto.v1.BatchRecordSignalsResponse;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.BandCount;
import io.cskpi.proto.v1.ComputeHealthDistributionRequest;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerHealth;
import io.cskpi.proto.v1.GetCustomerHealthRequest;
import io.cskpi.proto.v1.GetHealthModelRequest;
import io.cskpi.proto.v1.HealthBand;
import io.cskpi.proto.v1.HealthChange;
import io.cskpi.proto.v1.HealthDistribution;
import io.cskpi.proto.v1.HealthMeasure;
import io.cskpi.proto.v1.HealthModel;
import io.cskpi.proto.v1.HealthOrder;
import io.cskpi.proto.v1.LinearRule;
import io.cskpi.proto.v1.ListCustomerHealthRequest;
import io.cskpi.proto.v1.ListCustomerHealthResponse;
import io.cskpi.proto.v1.ListHealthChangesRequest;
import io.cskpi.proto.v1.MeasureScore;
import io.cskpi.proto.v1.Signal;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.cskpi.proto.v1.SurveyResponse;
import io.cskpi.proto.v1.Tenant;
import io.cskpi.proto.v1.Tier;
import io.cskpi.proto.v1.TierRule;
import io.cskpi.proto.v1.UndefinedReason;
import io.cskpi.proto.v1.UpdateHealthModelRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Customer Health Score through the real gRPC API: the spec's example, its pitfalls, history and bad input. */
class HealthApiTest {

  private static final String T = "tenants/acme";
  private static final String MODEL = "tenants/acme/healthModel";
  private static final double EPS = 1e-9;
  /** Equal within EPS: computed points, changes and percentages are floating point. */
  private static final Comparator<Double> NEAR = (x, y) -> Math.abs(x - y) < EPS ? 0 : Double.compare(x, y);

  private InProcessApi api;
  private int next;

  @BeforeEach
  void start() {
    api = new InProcessApi();
    tenant("acme", "UTC");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  // ---- helpers ----

  private void tenant(String id, String zone) {
    api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId(id)
        .setTenant(Tenant.newBuilder().setTimeZone(zone)).build());
  }

  private void upsert(String parent, Customer... customers) {
    api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent(parent)
        .addAllCustomers(List.of(customers)).build());
  }

  private void customers(String... ids) {
    for (String id : ids) {
      upsert(T, customer(id, "2024-01-01T00:00:00Z"));
    }
  }

  private static Date date(String iso) {
    LocalDate d = LocalDate.parse(iso);
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  private Signal signal(String customer, String name, String time, double value) {
    return Signal.newBuilder().setSignalId("s" + next++).setCustomerId(customer).setName(name).setTime(ts(time))
        .setValue(value).build();
  }

  private BatchRecordSignalsResponse record(String parent, List<Signal> signals) {
    return api.health.batchRecordSignals(BatchRecordSignalsRequest.newBuilder().setParent(parent)
        .addAllSignals(signals).build());
  }

  private BatchRecordSignalsResponse record(Signal... signals) {
    return record(T, List.of(signals));
  }

  private static HealthMeasure linear(String signal, double weight, double zeroAt, double fullAt) {
    return HealthMeasure.newBuilder().setSignal(signal).setWeight(weight)
        .setLinear(LinearRule.newBuilder().setZeroPointsAt(zeroAt).setFullPointsAt(fullAt)).build();
  }

  private static HealthMeasure tiers(String signal, double weight, Tier... tiers) {
    return HealthMeasure.newBuilder().setSignal(signal).setWeight(weight)
        .setTiers(TierRule.newBuilder().addAllTiers(List.of(tiers))).build();
  }

  private static Tier tier(Double above, Double upTo, double points) {
    Tier.Builder tier = Tier.newBuilder().setPoints(points);
    if (above != null) {
      tier.setAbove(above);
    }
    if (upTo != null) {
      tier.setUpTo(upTo);
    }
    return tier.build();
  }

  private static HealthModel model(HealthMeasure... measures) {
    return HealthModel.newBuilder().setName(MODEL).addAllMeasures(List.of(measures)).build();
  }

  private HealthModel update(HealthModel model) {
    return api.health.updateHealthModel(UpdateHealthModelRequest.newBuilder().setHealthModel(model).build());
  }

  private HealthModel currentModel() {
    return api.health.getHealthModel(GetHealthModelRequest.newBuilder().setName(MODEL).build());
  }

  private CustomerHealth health(String parent, String customer, String asOf) {
    return api.health.getCustomerHealth(GetCustomerHealthRequest.newBuilder()
        .setCustomer(parent + "/customers/" + customer).setAsOfDate(date(asOf)).build());
  }

  private CustomerHealth health(String customer, String asOf) {
    return health(T, customer, asOf);
  }

  private static StatusRuntimeException failure(ThrowingCallable call) {
    return catchThrowableOfType(StatusRuntimeException.class, call);
  }

  private static List<String> names(List<CustomerHealth> list) {
    return list.stream().map(h -> h.getCustomer().substring((T + "/customers/").length())).toList();
  }

  /** A "usage" signal of 2024-01-10. */
  private Signal usage(String customer, double value) {
    return signal(customer, "usage", "2024-01-10T00:00:00Z", value);
  }

  // ---- the score ----

  @Test
  void specExample() {
    // weights 20, 15, 22 with points 47, 59, 21: 2287 / 57 = 40.12, red
    customers("c1");
    record(signal("c1", "a", "2024-01-10T00:00:00Z", 47), signal("c1", "b", "2024-01-10T00:00:00Z", 59),
        signal("c1", "c", "2024-01-10T00:00:00Z", 21));
    HealthModel stored = update(model(linear("a", 20, 0, 100), linear("b", 15, 0, 100), linear("c", 22, 0, 100)));
    assertThat(stored.getVersion()).isEqualTo(1);
    assertThat(stored.getName()).isEqualTo(MODEL);
    assertThat(stored.getBandsList()).extracting(HealthBand::getName).containsExactly("red", "yellow", "green");

    CustomerHealth h = health("c1", "2024-01-31");

    assertThat(h.getCustomer()).isEqualTo(T + "/customers/c1");
    assertThat(h.getAsOfDate()).isEqualTo(date("2024-01-31"));
    assertThat(h.getScore()).isCloseTo(2287.0 / 57, offset(EPS));
    assertThat(h.getScore()).isCloseTo(40.12, offset(0.005));
    assertThat(h.getBand()).isEqualTo("red");
    assertThat(h.getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_UNSPECIFIED);
    assertThat(h.getWeightCoverage()).isEqualTo(1.0);
    assertThat(h.getModelVersion()).isEqualTo(1);
    assertThat(h.getMeasuresList()).extracting(MeasureScore::getSignal).containsExactly("a", "b", "c");
    assertThat(h.getMeasuresList()).extracting(MeasureScore::getWeight).containsExactly(20.0, 15.0, 22.0);
    assertThat(h.getMeasuresList()).extracting(MeasureScore::getPoints)
        .usingElementComparator(NEAR).containsExactly(47.0, 59.0, 21.0);
    assertThat(h.getMeasuresList()).extracting(MeasureScore::getMissing).containsOnly(false);
  }

  @Test
  void aMissingMeasureIsLeftOutNotScoredZero() {
    customers("u1", "u2", "u3");
    // "nps" is pushed for u2 only, so the name exists but u1 has no value
    record(signal("u1", "usage", "2024-01-10T00:00:00Z", 80), signal("u1", "support", "2024-01-10T00:00:00Z", 60),
        signal("u2", "nps", "2024-01-10T00:00:00Z", 9));
    update(model(linear("usage", 0.4, 0, 100), linear("nps", 0.3, 0, 10), linear("support", 0.3, 0, 100)));

    CustomerHealth u1 = health("u1", "2024-01-31");

    assertThat(u1.getScore()).isCloseTo((0.4 * 80 + 0.3 * 60) / 0.7, offset(EPS));
    assertThat(u1.getScore()).isCloseTo(71.43, offset(0.005));
    assertThat(u1.getBand()).isEqualTo("yellow");
    assertThat(u1.getWeightCoverage()).isCloseTo(0.7, offset(EPS));
    MeasureScore nps = u1.getMeasures(1);
    assertThat(nps.getSignal()).isEqualTo("nps");
    assertThat(nps.getMissing()).isTrue();
    assertThat(nps.hasValue()).isFalse();
    assertThat(nps.hasPoints()).isFalse();
    assertThat(nps.getWeight()).isEqualTo(0.3);

    CustomerHealth u3 = health("u3", "2024-01-31");

    assertThat(u3.hasScore()).isFalse();
    assertThat(u3.getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_NO_DATA);
    assertThat(u3.getBand()).isEmpty();
    assertThat(u3.getWeightCoverage()).isZero();
    assertThat(u3.getMeasuresList()).extracting(MeasureScore::getMissing).containsOnly(true);
  }

  @Test
  void aScoreAsOfAPastDateIgnoresLaterSignals() {
    customers("a", "b");
    record(signal("a", "usage", "2024-01-10T12:00:00Z", 10), signal("a", "usage", "2024-03-10T12:00:00Z", 90),
        signal("b", "usage", "2024-02-01T23:59:59Z", 30), signal("b", "usage", "2024-02-02T00:00:00Z", 70));
    update(model(linear("usage", 1, 0, 100)));

    assertThat(health("a", "2024-02-01").getMeasures(0).getValue()).isEqualTo(10);
    assertThat(health("a", "2024-02-01").getScore()).isCloseTo(10, offset(EPS));
    assertThat(health("a", "2024-03-31").getMeasures(0).getValue()).isEqualTo(90);
    // a UTC tenant's 2024-02-01 ends at 2024-02-02T00:00:00Z, exclusive
    assertThat(health("b", "2024-02-01").getMeasures(0).getValue()).isEqualTo(30);
    assertThat(health("b", "2024-02-02").getMeasures(0).getValue()).isEqualTo(70);
    assertThat(health("a", "2024-01-09").getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_NO_DATA);
  }

  @Test
  void theTenantsTimeZoneDecidesTheDay() {
    tenant("ny", "America/New_York");
    upsert("tenants/ny", customer("a", "2024-01-01T00:00:00Z"));
    // 2024-02-02T03:00Z is 22:00 on Feb 1 in New York
    record("tenants/ny", List.of(signal("a", "usage", "2024-02-02T03:00:00Z", 55)));
    api.health.updateHealthModel(UpdateHealthModelRequest.newBuilder().setHealthModel(
        model(linear("usage", 1, 0, 100)).toBuilder().setName("tenants/ny/healthModel")).build());

    CustomerHealth jan31 = health("tenants/ny", "a", "2024-01-31");
    assertThat(jan31.hasScore()).isFalse();
    assertThat(health("tenants/ny", "a", "2024-02-01").getScore()).isCloseTo(55, offset(EPS));
  }

  @Test
  void builtInSignalsFeedTheDefaultModel() {
    customers("p", "q");
    api.purchases.batchRecordPurchases(BatchRecordPurchasesRequest.newBuilder().setParent(T)
        .addPurchases(purchase("o1", "p", "2024-01-15T10:00:00Z", "10.00"))
        .addPurchases(purchase("o2", "p", "2024-05-01T10:00:00Z", "10.00"))
        .addPurchases(purchase("o3", "p", "2024-06-10T10:00:00Z", "10.00"))
        .addPurchases(purchase("o4", "p", "2024-07-05T10:00:00Z", "10.00")).build());
    api.surveys.createSurvey(CreateSurveyRequest.newBuilder().setParent(T)
        .setSurvey(Survey.newBuilder().setSurveyId("nps").setKind(SurveyKind.SURVEY_KIND_NPS)).build());
    api.surveys.createSurvey(CreateSurveyRequest.newBuilder().setParent(T)
        .setSurvey(Survey.newBuilder().setSurveyId("csat").setKind(SurveyKind.SURVEY_KIND_CSAT)).build());
    api.surveys.batchRecordSurveyResponses(BatchRecordSurveyResponsesRequest.newBuilder().setParent(T)
        .addResponses(response("r1", "nps", "2024-03-01T00:00:00Z", 3))
        .addResponses(response("r2", "nps", "2024-06-01T00:00:00Z", 8))
        .addResponses(response("r3", "nps", "2024-07-02T00:00:00Z", 0))
        .addResponses(response("r4", "csat", "2024-06-15T00:00:00Z", 4)).build());
    HealthModel defaultModel = currentModel();
    assertThat(defaultModel.getVersion()).isZero();
    assertThat(defaultModel.getMeasuresList()).extracting(HealthMeasure::getSignal).containsExactly(
        "days_since_last_purchase", "purchases_last_90_days", "latest_nps", "latest_csat_share");

    CustomerHealth p = health("p", "2024-06-30");

    assertThat(p.getModelVersion()).isZero();
    // the last purchase 20 days before; 2 purchases after 2024-04-02T00:00Z; NPS 8 (the later 0 is after
    // the date); CSAT 4 on 1-5 = (4 - 1) / 4
    assertThat(p.getMeasuresList()).extracting(MeasureScore::getValue).containsExactly(20.0, 2.0, 8.0, 0.75);
    double recency = 100 * 160 / 180.0;
    assertThat(p.getMeasures(0).getPoints()).isCloseTo(recency, offset(EPS));
    assertThat(p.getMeasuresList()).extracting(MeasureScore::getPoints)
        .usingElementComparator(NEAR).endsWith(70.0, 80.0, 75.0);
    assertThat(p.getScore()).isCloseTo((30 * recency + 25 * 70 + 25 * 80 + 20 * 75) / 100, offset(EPS));
    assertThat(p.getBand()).isEqualTo("green");
    assertThat(p.getWeightCoverage()).isEqualTo(1.0);

    CustomerHealth q = health("q", "2024-06-30");
    assertThat(q.getUndefinedReason()).isEqualTo(UndefinedReason.UNDEFINED_REASON_NO_DATA);
  }

  private static SurveyResponse response(String id, String survey, String time, int score) {
    return SurveyResponse.newBuilder().setResponseId(id).setSurveyId(survey).setCustomerId("p")
        .setResponseTime(ts(time)).setScore(score).build();
  }

  @Test
  void anUnknownCustomerIsNotFound() {
    StatusRuntimeException e = failure(() -> health("ghost", "2024-01-31"));

    assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reason(e)).isEqualTo("CUSTOMER_NOT_FOUND");
    assertThat(fields(e)).containsExactly("customer");
  }

  // ---- the model ----

  static Stream<Arguments> badModels() {
    HealthMeasure usage = linear("usage", 1, 0, 100);
    return Stream.of(
        Arguments.of("no measure", model(), "health_model.measures"),
        Arguments.of("zero weight", model(linear("usage", 0, 0, 100)), "health_model.measures[0].weight"),
        Arguments.of("negative weight", model(linear("usage", -2, 0, 100)), "health_model.measures[0].weight"),
        Arguments.of("flat linear rule", model(linear("usage", 1, 5, 5)),
            "health_model.measures[0].linear.full_points_at"),
        Arguments.of("no rule", model(HealthMeasure.newBuilder().setSignal("usage").setWeight(1).build()),
            "health_model.measures[0]"),
        Arguments.of("overlapping tiers", model(tiers("usage", 1, tier(null, 10.0, 0), tier(5.0, null, 100))),
            "health_model.measures[0].tiers.tiers[1].above"),
        Arguments.of("a gap between tiers", model(tiers("usage", 1, tier(null, 10.0, 0), tier(20.0, null, 100))),
            "health_model.measures[0].tiers.tiers[1].above"),
        Arguments.of("unknown signal", model(usage, linear("nobody_pushed_this", 1, 0, 1)),
            "health_model.measures[1].signal"),
        Arguments.of("bands not reaching 100", model(usage).toBuilder()
            .addBands(HealthBand.newBuilder().setName("red").setUpTo(50))
            .addBands(HealthBand.newBuilder().setName("green").setUpTo(90)).build(), "health_model.bands[1].up_to"),
        Arguments.of("a wrong name", model(usage).toBuilder().setName("tenants/acme/healthModels").build(),
            "health_model.name"),
        Arguments.of("no name", model(usage).toBuilder().clearName().build(), "health_model.name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badModels")
  void aBadModelIsRefusedAndTheOneInForceStays(String what, HealthModel bad, String field) {
    customers("a");
    record(signal("a", "usage", "2024-01-10T00:00:00Z", 50));
    HealthModel v1 = update(model(linear("usage", 2, 0, 100)));

    StatusRuntimeException e = failure(() -> update(bad));

    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly(field);
    assertThat(currentModel()).isEqualTo(v1);
  }

  @Test
  void validateOnlyStoresNothing() {
    customers("a");
    record(signal("a", "usage", "2024-01-10T00:00:00Z", 50), signal("a", "seats", "2024-01-10T00:00:00Z", 5));
    HealthModel v1 = update(model(linear("usage", 1, 0, 100)));

    HealthModel checked = api.health.updateHealthModel(UpdateHealthModelRequest.newBuilder()
        .setHealthModel(model(linear("seats", 1, 0, 10))).setValidateOnly(true).build());

    assertThat(checked.getMeasuresList()).extracting(HealthMeasure::getSignal).containsExactly("seats");
    assertThat(checked.getVersion()).as("the version it would get").isEqualTo(2);
    assertThat(currentModel()).isEqualTo(v1);
    assertThat(api.health.updateHealthModel(UpdateHealthModelRequest.newBuilder()
        .setHealthModel(model(linear("usage", 1, 0, 100))).setValidateOnly(true).build()).getVersion())
        .as("the model in force").isEqualTo(1);
    StatusRuntimeException e = failure(() -> api.health.updateHealthModel(UpdateHealthModelRequest.newBuilder()
        .setHealthModel(model(linear("seats", 0, 0, 10))).setValidateOnly(true).build()));
    assertThat(fields(e)).containsExactly("health_model.measures[0].weight");
  }

  @Test
  void modelsAreVersioned() {
    customers("a");
    record(signal("a", "usage", "2024-01-10T00:00:00Z", 50));
    HealthModel tiered = model(tiers("usage", 3, tier(null, 10.0, 0), tier(10.0, 50.0, 60), tier(50.0, null, 100)))
        .toBuilder().addBands(HealthBand.newBuilder().setName("at-risk").setUpTo(60))
        .addBands(HealthBand.newBuilder().setName("ok").setUpTo(100)).build();

    HealthModel v1 = update(tiered);
    HealthModel again = update(tiered);
    HealthModel v2 = update(model(linear("usage", 1, 100, 0)));

    assertThat(v1.getVersion()).isEqualTo(1);
    assertThat(again).isEqualTo(v1);
    assertThat(v1.toBuilder().setVersion(0).build()).isEqualTo(tiered.toBuilder().setVersion(0).build());
    assertThat(v2.getVersion()).isEqualTo(2);
    assertThat(currentModel()).isEqualTo(v2);
    assertThat(api.health.getHealthModel(GetHealthModelRequest.newBuilder().setName(MODEL).setModelVersion(1).build()))
        .isEqualTo(v1);
    HealthModel v0 = api.health.getHealthModel(GetHealthModelRequest.newBuilder().setName(MODEL).setModelVersion(0).build());
    assertThat(v0.getVersion()).isZero();
    assertThat(v0.getMeasuresList()).extracting(HealthMeasure::getWeight).containsExactly(30.0, 25.0, 25.0, 20.0);
    assertThat(v0.getMeasures(1).getTiers().getTiersList()).extracting(Tier::getPoints)
        .containsExactly(0.0, 40.0, 70.0, 100.0);
    // the tiers' points and the bands' names come through: 50 is in (10, 50], 60 points, "at-risk"
    CustomerHealth scored = api.health.getCustomerHealth(GetCustomerHealthRequest.newBuilder()
        .setCustomer(T + "/customers/a").setAsOfDate(date("2024-01-31")).setModelVersion(1).build());
    assertThat(scored.getScore()).isCloseTo(60, offset(EPS));
    assertThat(scored.getBand()).isEqualTo("at-risk");
    assertThat(scored.getModelVersion()).isEqualTo(1);

    StatusRuntimeException unknown = failure(() -> api.health.getHealthModel(
        GetHealthModelRequest.newBuilder().setName(MODEL).setModelVersion(7).build()));
    assertThat(code(unknown)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reason(unknown)).isEqualTo("HEALTH_MODEL_NOT_FOUND");
    assertThat(fields(unknown)).containsExactly("model_version");
    StatusRuntimeException badName = failure(() -> api.health.getHealthModel(
        GetHealthModelRequest.newBuilder().setName(T).build()));
    assertThat(code(badName)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(badName)).containsExactly("name");
    StatusRuntimeException noTenant = failure(() -> api.health.getHealthModel(
        GetHealthModelRequest.newBuilder().setName("tenants/nobody/healthModel").build()));
    assertThat(reason(noTenant)).isEqualTo("TENANT_NOT_FOUND");
    assertThat(fields(noTenant)).containsExactly("name");
  }

  // ---- lists, distributions and changes ----

  private ListCustomerHealthResponse list(ListCustomerHealthRequest.Builder request) {
    return api.health.listCustomerHealth(request.setParent(T).setAsOfDate(date("2024-01-31")).build());
  }

  @Test
  void listCustomerHealth() {
    customers("c1", "c2", "c3", "c4", "c5", "c6", "c7");
    // c6 has no signal, so no score: it is never listed
    record(usage("c1", 30), usage("c2", 90), usage("c3", 60), usage("c4", 10), usage("c5", 80), usage("c7", 60));
    update(model(linear("usage", 1, 0, 100)));
    upsert(T, customer("c2", "2024-01-01T00:00:00Z").toBuilder().putAttributes("plan", "pro").build(),
        customer("c3", "2024-01-01T00:00:00Z").toBuilder().putAttributes("plan", "pro").build());

    assertThat(names(list(ListCustomerHealthRequest.newBuilder()).getCustomerHealthList()))
        .containsExactly("c4", "c1", "c3", "c7", "c5", "c2");
    assertThat(names(list(ListCustomerHealthRequest.newBuilder().setOrderBy(HealthOrder.HEALTH_ORDER_HIGHEST_FIRST))
        .getCustomerHealthList())).containsExactly("c2", "c5", "c3", "c7", "c1", "c4");
    assertThat(names(list(ListCustomerHealthRequest.newBuilder().setBand("red")).getCustomerHealthList()))
        .containsExactly("c4", "c1");
    assertThat(names(list(ListCustomerHealthRequest.newBuilder()
        .addSegment(AttributeFilter.newBuilder().setKey("plan").addValues("pro"))).getCustomerHealthList()))
        .containsExactly("c3", "c2");

    List<String> walked = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      var page = list(ListCustomerHealthRequest.newBuilder().setPageSize(2).setPageToken(token));
      assertThat(page.getCustomerHealthCount()).isEqualTo(2);
      walked.addAll(names(page.getCustomerHealthList()));
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty() && pages < 10);
    assertThat(walked).containsExactly("c4", "c1", "c3", "c7", "c5", "c2");
    assertThat(pages).isEqualTo(3);

    String descToken = list(ListCustomerHealthRequest.newBuilder().setPageSize(2)
        .setOrderBy(HealthOrder.HEALTH_ORDER_HIGHEST_FIRST)).getNextPageToken();
    String redToken = list(ListCustomerHealthRequest.newBuilder().setPageSize(1).setBand("red")).getNextPageToken();
    for (String forged : List.of("garbage", descToken, redToken)) {
      StatusRuntimeException e = failure(() -> list(ListCustomerHealthRequest.newBuilder().setPageToken(forged)));
      assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(fields(e)).containsExactly("page_token");
    }
    StatusRuntimeException badBand = failure(() -> list(ListCustomerHealthRequest.newBuilder().setBand("blue")));
    assertThat(fields(badBand)).containsExactly("band");
  }

  @Test
  void computeHealthDistribution() {
    customers("d1", "d2", "d3", "d4");
    record(signal("d1", "usage", "2024-01-10T00:00:00Z", 20), signal("d1", "usage", "2024-03-10T00:00:00Z", 80),
        signal("d2", "usage", "2024-01-10T00:00:00Z", 60), signal("d3", "usage", "2024-02-10T00:00:00Z", 90));
    update(model(linear("usage", 1, 0, 100)));

    List<HealthDistribution> result = api.health.computeHealthDistribution(ComputeHealthDistributionRequest
        .newBuilder().setTenant(T).addAsOfDates(date("2024-01-31")).addAsOfDates(date("2024-02-29"))
        .addAsOfDates(date("2024-03-31")).build()).getDistributionsList();

    assertThat(result).extracting(HealthDistribution::getAsOfDate)
        .containsExactly(date("2024-01-31"), date("2024-02-29"), date("2024-03-31"));
    assertThat(result).extracting(HealthDistribution::getModelVersion).containsOnly(1);
    assertThat(result.get(0).getBandsList()).extracting(BandCount::getBand).containsExactly("red", "yellow", "green");
    assertThat(result).extracting(d -> d.getBandsList().stream().map(BandCount::getCustomers).toList())
        .containsExactly(List.of(1L, 1L, 0L), List.of(1L, 1L, 1L), List.of(0L, 1L, 2L));
    assertThat(result).extracting(HealthDistribution::getScoredCustomers).containsExactly(2L, 3L, 3L);
    assertThat(result).extracting(HealthDistribution::getUnscoredCustomers).containsExactly(2L, 1L, 1L);
    assertThat(result.get(0).getMeanScore()).isCloseTo(40, offset(EPS));
    assertThat(result.get(1).getMeanScore()).isCloseTo(170 / 3.0, offset(EPS));
    assertThat(result.get(2).getMeanScore()).isCloseTo(230 / 3.0, offset(EPS));
    assertThat(result.get(0).getBandsList()).extracting(BandCount::getPercent)
        .usingElementComparator(NEAR).containsExactly(50.0, 50.0, 0.0);
    assertThat(result.get(2).getBands(2).getPercent()).isCloseTo(200 / 3.0, offset(EPS));

    HealthDistribution empty = api.health.computeHealthDistribution(ComputeHealthDistributionRequest.newBuilder()
        .setTenant(T).addAsOfDates(date("2023-12-31")).build()).getDistributions(0);
    assertThat(empty.getScoredCustomers()).isZero();
    assertThat(empty.hasMeanScore()).isFalse();
    assertThat(empty.getBandsList()).extracting(BandCount::hasPercent).containsOnly(false);

    var tooMany = ComputeHealthDistributionRequest.newBuilder().setTenant(T);
    for (int i = 0; i < 37; i++) {
      tooMany.addAsOfDates(date(LocalDate.parse("2024-01-01").plusMonths(i).toString()));
    }
    StatusRuntimeException e = failure(() -> api.health.computeHealthDistribution(tooMany.build()));
    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(e)).containsExactly("as_of_dates");
  }

  @Test
  void listHealthChanges() {
    customers("e1", "e2", "e3", "e4");
    record(signal("e1", "usage", "2024-01-10T00:00:00Z", 80), signal("e1", "usage", "2024-03-10T00:00:00Z", 20),
        signal("e2", "usage", "2024-01-10T00:00:00Z", 50), signal("e2", "usage", "2024-03-10T00:00:00Z", 60),
        signal("e3", "usage", "2024-01-10T00:00:00Z", 70), signal("e3", "usage", "2024-03-10T00:00:00Z", 40),
        signal("e4", "usage", "2024-03-10T00:00:00Z", 99));
    update(model(linear("usage", 1, 0, 100)));
    var request = ListHealthChangesRequest.newBuilder().setParent(T).setAsOfDate(date("2024-03-31"))
        .setBaselineDate(date("2024-02-01"));

    List<HealthChange> drops = api.health.listHealthChanges(request.build()).getHealthChangesList();

    assertThat(drops).extracting(HealthChange::getCustomer)
        .containsExactly(T + "/customers/e1", T + "/customers/e3", T + "/customers/e2");
    assertThat(drops).extracting(HealthChange::getChange)
        .usingElementComparator(NEAR).containsExactly(-60.0, -30.0, 10.0);
    assertThat(drops.get(0).getNow().getScore()).isCloseTo(20, offset(EPS));
    assertThat(drops.get(0).getNow().getAsOfDate()).isEqualTo(date("2024-03-31"));
    assertThat(drops.get(0).getBaseline().getScore()).isCloseTo(80, offset(EPS));
    assertThat(drops.get(0).getBaseline().getAsOfDate()).isEqualTo(date("2024-02-01"));
    assertThat(api.health.listHealthChanges(request.setRisesFirst(true).build()).getHealthChangesList())
        .extracting(HealthChange::getChange).usingElementComparator(NEAR).containsExactly(10.0, -30.0, -60.0);

    for (String baseline : List.of("2024-03-31", "2024-04-01")) {
      StatusRuntimeException e = failure(() -> api.health.listHealthChanges(
          request.setBaselineDate(date(baseline)).build()));
      assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(fields(e)).containsExactly("baseline_date");
    }
  }

  // ---- recording signals ----

  @Test
  void resendingABatchRecordsNothingNew() {
    customers("a");
    Signal s1 = signal("a", "usage", "2024-01-10T00:00:00Z", 1);
    Signal s2 = signal("a", "usage", "2024-01-11T00:00:00Z", 2);

    BatchRecordSignalsResponse first = record(s1, s2);
    BatchRecordSignalsResponse again = record(s1, s2);

    assertThat(first.getRecordedCount()).isEqualTo(2);
    assertThat(first.getAlreadyRecordedCount()).isZero();
    assertThat(again.getRecordedCount()).isZero();
    assertThat(again.getAlreadyRecordedCount()).isEqualTo(2);
  }

  @Test
  void aDifferentSignalUnderARecordedIdFailsTheWholeBatch() {
    customers("a");
    Signal s1 = signal("a", "usage", "2024-01-10T00:00:00Z", 1);
    record(s1);
    Signal fresh = signal("a", "usage", "2024-01-11T00:00:00Z", 2);

    StatusRuntimeException e = failure(() -> record(fresh, s1.toBuilder().setValue(5).build()));

    assertThat(code(e)).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(reason(e)).isEqualTo("SIGNAL_ID_CONFLICT");
    assertThat(fields(e)).containsExactly("signals[1].signal_id");
    assertThat(record(fresh).getRecordedCount()).as("the fresh signal was not stored").isEqualTo(1);
  }

  @Test
  void badSignalsAreNamed() {
    customers("a");
    Signal good = signal("a", "usage", "2024-01-10T00:00:00Z", 1);

    StatusRuntimeException unknown = failure(() -> record(good, signal("ghost", "usage", "2024-01-10T00:00:00Z", 1)));
    assertThat(code(unknown)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reason(unknown)).isEqualTo("CUSTOMER_NOT_FOUND");
    assertThat(fields(unknown)).containsExactly("signals[1].customer_id");

    StatusRuntimeException bad = failure(() -> record(good,
        signal("a", "latest_nps", "2024-01-10T00:00:00Z", 1),
        signal("a", "Usage", "2024-01-10T00:00:00Z", 1),
        signal("a", "usage", "2024-01-10T00:00:00Z", Double.NaN),
        signal("a", "usage", "2024-01-10T00:00:00Z", Double.POSITIVE_INFINITY),
        signal("a", "usage", "2024-01-10T00:00:00Z", 1).toBuilder().clearTime().build(),
        signal("a", "usage", "2024-01-10T00:00:00Z", 1).toBuilder().setSignalId("").build()));
    assertThat(code(bad)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fields(bad)).containsExactly("signals[1].name", "signals[2].name", "signals[3].value",
        "signals[4].value", "signals[5].time", "signals[6].signal_id");
    assertThat(record(good).getRecordedCount()).as("nothing of the bad batches was stored").isEqualTo(1);
  }

  @Test
  void batchesHoldOneToAThousandSignals() {
    customers("a");
    List<Signal> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(signal("a", "usage", "2024-01-10T00:00:00Z", i));
    }

    for (List<Signal> batch : List.of(List.<Signal>of(), tooMany)) {
      StatusRuntimeException e = failure(() -> record(T, batch));
      assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(fields(e)).containsExactly("signals");
    }
    assertThat(record(T, tooMany.subList(0, 1000)).getRecordedCount()).isEqualTo(1000);
  }

  @Test
  void anUnknownTenantIsNotFound() {
    StatusRuntimeException e = failure(() -> record("tenants/nobody",
        List.of(signal("a", "usage", "2024-01-10T00:00:00Z", 1))));

    assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reason(e)).isEqualTo("TENANT_NOT_FOUND");
    assertThat(fields(e)).containsExactly("parent");
    StatusRuntimeException model = failure(() -> update(model(linear("usage", 1, 0, 100)).toBuilder()
        .setName("tenants/nobody/healthModel").build()));
    assertThat(reason(model)).isEqualTo("TENANT_NOT_FOUND");
    assertThat(fields(model)).containsExactly("health_model.name");
  }
}
