package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.google.type.Date;
import io.cskpi.proto.v1.ComputeHealthDistributionRequest;
import io.cskpi.proto.v1.CustomerHealth;
import io.cskpi.proto.v1.GetCustomerHealthRequest;
import io.cskpi.proto.v1.HealthDistribution;
import io.cskpi.proto.v1.HealthMeasure;
import io.cskpi.proto.v1.HealthModel;
import io.cskpi.proto.v1.HealthServiceGrpc;
import io.cskpi.proto.v1.LinearRule;
import io.cskpi.proto.v1.ListCustomerHealthRequest;
import io.cskpi.proto.v1.MeasureScore;
import io.cskpi.proto.v1.Tier;
import io.cskpi.proto.v1.TierRule;
import io.cskpi.proto.v1.UpdateHealthModelRequest;
import io.grpc.ManagedChannel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The README's health walkthrough on Online Retail (tenant "online-retail", loaded by
 * import-dataset), checked against src/test/independent/online_retail_health.py: the default model
 * (version 0) and the custom model with the pushed returns_to_date signal, on 2011-12-01 and at
 * every month end of 2011; and a few customers worked out by hand.
 */
final class OnlineRetailHealth {

  static final String TENANT = "tenants/online-retail";

  /** The README's custom model: recency over 120 days, frequency, and returns so far. */
  static final HealthModel CUSTOM = HealthModel.newBuilder().setName(TENANT + "/healthModel")
      .addMeasures(HealthMeasure.newBuilder().setSignal("days_since_last_purchase").setWeight(40)
          .setLinear(LinearRule.newBuilder().setZeroPointsAt(120).setFullPointsAt(0)))
      .addMeasures(HealthMeasure.newBuilder().setSignal("purchases_last_90_days").setWeight(30)
          .setTiers(tiers(new double[] {0, 1, 3}, new double[] {0, 40, 70, 100})))
      .addMeasures(HealthMeasure.newBuilder().setSignal("returns_to_date").setWeight(30)
          .setTiers(tiers(new double[] {0, 2, 5}, new double[] {100, 60, 30, 0})))
      .build();

  private final HealthServiceGrpc.HealthServiceBlockingStub health;

  OnlineRetailHealth(ManagedChannel channel) {
    this.health = HealthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.MINUTES);
  }

  private static TierRule tiers(double[] upTo, double[] points) {
    TierRule.Builder rule = TierRule.newBuilder();
    for (int i = 0; i < points.length; i++) {
      Tier.Builder tier = Tier.newBuilder().setPoints(points[i]);
      if (i > 0) {
        tier.setAbove(upTo[i - 1]);
      }
      if (i < upTo.length) {
        tier.setUpTo(upTo[i]);
      }
      rule.addTiers(tier);
    }
    return rule.build();
  }

  static Date date(LocalDate date) {
    return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
  }

  /** Sets the custom model (a second call returns the same version) and returns its version. */
  int setCustomModel() {
    HealthModel model = health.updateHealthModel(UpdateHealthModelRequest.newBuilder().setHealthModel(CUSTOM).build());
    assertThat(health.updateHealthModel(UpdateHealthModelRequest.newBuilder().setHealthModel(CUSTOM).build())
        .getVersion()).isEqualTo(model.getVersion());
    return model.getVersion();
  }

  void matches(Struct expected, String model, int version) {
    Struct figures = expected.getFieldsOrThrow(model).getStructValue();
    Date december = date(LocalDate.of(2011, 12, 1));
    HealthDistribution onDecember = health.computeHealthDistribution(ComputeHealthDistributionRequest.newBuilder()
        .setTenant(TENANT).addAsOfDates(december).setModelVersion(version).build()).getDistributions(0);
    assertDistribution(onDecember, figures, model + " 2011-12-01");

    List<CustomerHealth> lowest = health.listCustomerHealth(ListCustomerHealthRequest.newBuilder().setParent(TENANT)
        .setAsOfDate(december).setModelVersion(version).setPageSize(10).build()).getCustomerHealthList();
    List<Value> expectedLowest = figures.getFieldsOrThrow("lowest").getListValue().getValuesList();
    assertThat(lowest).hasSize(expectedLowest.size());
    for (int i = 0; i < lowest.size(); i++) {
      Struct customer = expectedLowest.get(i).getStructValue();
      CustomerHealth actual = lowest.get(i);
      assertThat(actual.getCustomer()).isEqualTo(TENANT + "/customers/"
          + customer.getFieldsOrThrow("customer").getStringValue());
      assertThat(actual.getScore()).as(actual.getCustomer())
          .isCloseTo(customer.getFieldsOrThrow("score").getNumberValue(), offset(1e-9));
      assertThat(actual.getBand()).isEqualTo("red");
      Map<String, Double> values = Map.of("days_since_last_purchase", customer.getFieldsOrThrow("days").getNumberValue(),
          "purchases_last_90_days", customer.getFieldsOrThrow("purchases").getNumberValue(),
          "returns_to_date", customer.getFieldsOrThrow("returns").getNumberValue());
      for (MeasureScore measure : actual.getMeasuresList()) {
        if (values.containsKey(measure.getSignal())) {
          assertThat(measure.getValue()).as(actual.getCustomer() + " " + measure.getSignal())
              .isEqualTo(values.get(measure.getSignal()));
        } else {
          assertThat(measure.getMissing()).as("no survey data: " + measure.getSignal()).isTrue();
        }
      }
    }

    var monthly = ComputeHealthDistributionRequest.newBuilder().setTenant(TENANT).setModelVersion(version);
    List<Value> months = figures.getFieldsOrThrow("monthly").getListValue().getValuesList();
    months.forEach(m -> monthly.addAsOfDates(date(LocalDate.parse(m.getStructValue().getFieldsOrThrow("date")
        .getStringValue()))));
    List<HealthDistribution> series = health.computeHealthDistribution(monthly.build()).getDistributionsList();
    for (int i = 0; i < months.size(); i++) {
      assertDistribution(series.get(i), months.get(i).getStructValue(), model + " month " + i);
    }
  }

  private static void assertDistribution(HealthDistribution actual, Struct figures, String what) {
    Struct bands = figures.getFieldsOrThrow("bands").getStructValue();
    assertThat(actual.getBandsList()).extracting(b -> b.getBand()).containsExactly("red", "yellow", "green");
    actual.getBandsList().forEach(b -> assertThat(b.getCustomers()).as(what + " " + b.getBand())
        .isEqualTo((long) bands.getFieldsOrThrow(b.getBand()).getNumberValue()));
    assertThat(actual.getScoredCustomers()).as(what).isEqualTo((long) figures.getFieldsOrThrow("scored").getNumberValue());
    assertThat(actual.getUnscoredCustomers()).as(what).isZero();
    assertThat(actual.getMeanScore()).as(what).isCloseTo(figures.getFieldsOrThrow("mean").getNumberValue(), offset(1e-9));
  }

  /**
   * By hand, on 2011-12-01. Customer 12347: last purchase 31 days before, 1 purchase in 90 days, no
   * return. Default: days 100 x (180 - 31) / 180 = 82.78 points, purchases 40; (30 x 82.78 + 25 x 40)
   * / 55 = 63.33, yellow, NPS and CSAT missing (coverage 55/100). Custom: days 100 x (120 - 31) / 120
   * = 74.17, purchases 40, returns 100; (40 x 74.17 + 30 x 40 + 30 x 100) / 100 = 71.67, yellow.
   * Customer 14911 (bought that day, 85 purchases in 90 days, 47 returns): default 100, green;
   * custom (40 x 100 + 30 x 100 + 30 x 0) / 100 = 70, yellow: the returns pull it down.
   */
  void handWorkedCustomers(int customVersion) {
    assertScore("12347", 0, 63.333333, "yellow", 0.55);
    assertScore("12347", customVersion, 71.666667, "yellow", 1.0);
    assertScore("14911", 0, 100, "green", 0.55);
    assertScore("14911", customVersion, 70, "yellow", 1.0);
  }

  private void assertScore(String customer, int version, double score, String band, double coverage) {
    CustomerHealth health = this.health.getCustomerHealth(GetCustomerHealthRequest.newBuilder()
        .setCustomer(TENANT + "/customers/" + customer).setAsOfDate(date(LocalDate.of(2011, 12, 1)))
        .setModelVersion(version).build());
    assertThat(health.getScore()).as(customer + " v" + version).isCloseTo(score, offset(1e-6));
    assertThat(health.getBand()).isEqualTo(band);
    assertThat(health.getWeightCoverage()).isCloseTo(coverage, offset(1e-12));
    assertThat(health.getModelVersion()).isEqualTo(version);
  }

  /** The JSON of online_retail_health.py. */
  static Struct independent() throws Exception {
    String json = Processes.run(List.of("python3",
        Processes.ROOT.resolve("server/src/test/independent/online_retail_health.py").toString(),
        Processes.sharedData().toString()), 300);
    Struct.Builder figures = Struct.newBuilder();
    JsonFormat.parser().merge(json, figures);
    return figures.build();
  }
}
