package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.cskpi.proto.v1.ChurnRate;
import io.cskpi.proto.v1.ClvModel;
import io.cskpi.proto.v1.CompareHoldoutResponse;
import io.cskpi.proto.v1.ComputeChurnRateResponse;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueResponse;
import io.cskpi.proto.v1.CustomerLifetimeValue;
import io.cskpi.proto.v1.CustomerValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's quickstart, end to end: the packaged jar on its embedded database, called with
 * buf curl through reflection; CDNOW loaded by the import command; the churn of every quarter of
 * 1997-1998 and the CLV of 1997 checked against the independent script
 * (src/test/independent/cdnow_kpis.py); then a restart that finds the data again.
 */
class CdnowEndToEndIT {

  private static final Path CDNOW = Processes.ROOT.resolve("server/src/test/resources/cdnow/CDNOW_master.txt");

  @Test
  void quickstartMatchesTheIndependentComputationAndSurvivesARestart() throws Exception {
    Path dataDir = Processes.ROOT.resolve("server/target/e2e-data");
    deleteRecursively(dataDir);
    Struct expected = independent("cdnow_kpis.py", CDNOW.toString());

    try (Processes.Server server = new Processes.Server(dataDir)) {
      assertThat(Processes.bufCurl(server.port, "", null)).contains(
          "cskpi.v1.KpiService/ComputeChurnRate", "cskpi.v1.KpiService/ComputeCustomerLifetimeValue",
          "cskpi.v1.PurchaseService/BatchRecordPurchases", "cskpi.v1.CustomerService/BatchUpsertCustomers",
          "grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
          "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo");
      Processes.bufCurl(server.port, "cskpi.v1.TenantService/CreateTenant",
          "{\"tenantId\":\"cdnow\",\"tenant\":{\"displayName\":\"CDNOW\",\"timeZone\":\"UTC\","
              + "\"churnRule\":{\"inactivity\":{\"days\":90}}}}");
      String tenantKey = Processes.run(List.of("java", "-jar", Processes.JAR.toString(), "keys", "create",
          "--tenant", "cdnow", "--data-dir", dataDir.toString()), 120).strip();
      String report = Processes.run(List.of("java", "-jar", Processes.JAR.toString(), "import-purchases",
          "--target", "127.0.0.1:" + server.port, "--api-key", tenantKey, "--tenant", "cdnow", "--format", "cdnow", CDNOW.toString()), 300);
      assertThat(report).contains("read 69659 purchases", "rejected lines: none", "customers created: 23570",
          "purchases recorded: 69659");

      for (Value quarter : expected.getFieldsOrThrow("quarters").getListValue().getValuesList()) {
        assertQuarter(server.port, quarter.getStructValue());
      }
      assertClv1997(server.port, expected.getFieldsOrThrow("clv_1997").getStructValue());
      ClvModel fit = assertPredictiveHistories(server.port, independent("cdnow_rfm.py"));
      assertHoldoutComparison(server.port, fit);

      String again = Processes.run(List.of("java", "-jar", Processes.JAR.toString(), "import-purchases",
          "--target", "127.0.0.1:" + server.port, "--api-key", tenantKey, "--tenant", "cdnow", "--format", "cdnow", CDNOW.toString()), 300);
      assertThat(again).as("a second import changes nothing")
          .contains("customers created: 0", "purchases recorded: 0, already recorded: 69659");
      assertThat(Files.readString(server.log)).as("keys never reach the log").contains("call method=")
          .doesNotContain(tenantKey).doesNotContain(server.key).doesNotContain(tenantKey.split("_")[2]);
    }

    try (Processes.Server restarted = new Processes.Server(dataDir)) {
      Struct q2 = expected.getFieldsOrThrow("quarters").getListValue().getValues(1).getStructValue();
      assertQuarter(restarted.port, q2);
    }
  }

  private static void assertQuarter(int port, Struct expected) throws Exception {
    String start = expected.getFieldsOrThrow("start").getStringValue();
    ChurnRate churn = churn(port, start);
    String label = expected.getFieldsOrThrow("label").getStringValue();
    assertThat(churn.getPeriod().getLabel()).isEqualTo(label);
    assertThat(churn.getCustomersAtStart()).as(label + " S").isEqualTo(number(expected, "S"));
    assertThat(churn.getChurned()).as(label + " C").isEqualTo(number(expected, "C"));
    assertThat(churn.getNewCustomers()).as(label + " new").isEqualTo(number(expected, "new"));
    assertThat(churn.getReactivations()).as(label + " reactivations").isEqualTo(number(expected, "reactivations"));
    assertThat(churn.getNewAndChurned()).as(label + " new and churned").isEqualTo(number(expected, "new_and_churned"));
    assertThat(churn.getActiveAtEnd()).as(label + " active at end").isEqualTo(number(expected, "active_at_end"));
    Value rate = expected.getFieldsOrThrow("rate");
    if (rate.hasNullValue()) {
      assertThat(churn.hasRatePercent()).as(label + " undefined").isFalse();
    } else {
      assertThat(churn.getRatePercent()).as(label + " rate").isCloseTo(rate.getNumberValue(), offset(1e-9));
      assertThat(churn.getRetentionRatePercent()).as(label + " retention")
          .isCloseTo(expected.getFieldsOrThrow("retention").getNumberValue(), offset(1e-9));
    }
  }

  private static void assertClv1997(int port, Struct expected) throws Exception {
    String json = Processes.bufCurl(port, "cskpi.v1.KpiService/ComputeCustomerLifetimeValue",
        "{\"tenant\":\"tenants/cdnow\",\"period\":{\"calendar\":{\"unit\":\"CALENDAR_UNIT_YEAR\","
            + "\"date\":{\"year\":1997,\"month\":1,\"day\":1}}}}");
    ComputeCustomerLifetimeValueResponse.Builder response = ComputeCustomerLifetimeValueResponse.newBuilder();
    JsonFormat.parser().merge(json, response);
    CustomerLifetimeValue clv = response.getCustomerLifetimeValues(0);
    var inputs = clv.getHistorical();

    assertThat(clv.getValue().getAmount()).isEqualTo(expected.getFieldsOrThrow("clv_rounded").getStringValue());
    assertThat(new BigDecimal(inputs.getRevenue().getAmount()))
        .isEqualByComparingTo(expected.getFieldsOrThrow("revenue").getStringValue());
    assertThat(inputs.getPurchases()).isEqualTo(number(expected, "purchases"));
    assertThat(inputs.getPurchasingCustomers()).isEqualTo(number(expected, "customers"));
    assertThat(inputs.getChurnedCustomers()).isEqualTo(number(expected, "churned_customers"));
    assertThat(new BigDecimal(inputs.getAveragePurchaseValue().getAmount()))
        .isCloseTo(new BigDecimal(expected.getFieldsOrThrow("apv").getStringValue()), offset(new BigDecimal("1e-25")));
    assertThat(inputs.getLifespanDays())
        .isCloseTo(Double.parseDouble(expected.getFieldsOrThrow("lifespan_days").getStringValue()), offset(1e-9));
  }

  /** A fit on the calibration 1997-01-01..1997-09-30 is made of the histories the script computes. */
  private static ClvModel assertPredictiveHistories(int port, Struct expected) throws Exception {
    ClvModel.Builder model = ClvModel.newBuilder();
    JsonFormat.parser().merge(Processes.bufCurl(port, "cskpi.v1.ClvModelService/CreateClvModel",
        "{\"parent\":\"tenants/cdnow\",\"clvModel\":{\"clvModelId\":\"calibration-1997-09\","
            + "\"calibrationEndDate\":{\"year\":1997,\"month\":9,\"day\":30},\"horizonMonths\":9}}"), model);
    assertThat(model.getBgNbd().getCustomers()).isEqualTo(number(expected, "customers"));
    assertThat(model.getBgNbd().getRepeatBuyers()).isEqualTo(number(expected, "repeat_buyers"));
    Struct shown = expected.getFieldsOrThrow("customers_shown").getStructValue();
    for (var entry : shown.getFieldsMap().entrySet()) {
      Struct history = entry.getValue().getStructValue();
      CustomerValue.Builder value = CustomerValue.newBuilder();
      JsonFormat.parser().merge(Processes.bufCurl(port, "cskpi.v1.ClvModelService/GetCustomerValue",
          "{\"clvModel\":\"" + model.getName() + "\",\"customer\":\"tenants/cdnow/customers/" + entry.getKey()
              + "\"}"), value);
      assertThat(value.getX()).as(entry.getKey() + " x").isEqualTo(number(history, "x"));
      assertThat(value.getTX()).as(entry.getKey() + " t_x").isCloseTo(history.getFieldsOrThrow("t_x").getNumberValue(),
          offset(1e-9));
      assertThat(value.getT()).as(entry.getKey() + " T").isCloseTo(history.getFieldsOrThrow("T").getNumberValue(),
          offset(1e-9));
      Value mean = history.getFieldsOrThrow("mean_repeat_value");
      if (!mean.hasNullValue()) {
        assertThat(new BigDecimal(value.getMeanRepeatValue().getAmount())).as(entry.getKey() + " mean")
            .isEqualByComparingTo(new BigDecimal(mean.getStringValue()));
      }
    }
    return model.build();
  }

  /** The holdout 1997-10-01..1998-06-30 as cdnow_holdout.py computes it at the fit's estimates. */
  private static void assertHoldoutComparison(int port, ClvModel fit) throws Exception {
    var bg = fit.getBgNbd();
    Struct expected = independent("cdnow_holdout.py", CDNOW.toString(), Double.toString(bg.getR()),
        Double.toString(bg.getAlpha()), Double.toString(bg.getA()), Double.toString(bg.getB()));
    CompareHoldoutResponse.Builder holdout = CompareHoldoutResponse.newBuilder();
    JsonFormat.parser().merge(Processes.bufCurl(port, "cskpi.v1.ClvModelService/CompareHoldout",
        "{\"clvModel\":\"" + fit.getName() + "\",\"holdoutEndDate\":{\"year\":1998,\"month\":6,\"day\":30}}"),
        holdout);
    List<Value> groups = expected.getFieldsOrThrow("groups").getListValue().getValuesList();
    assertThat(holdout.getFrequencyGroupsCount()).isEqualTo(groups.size());
    for (int x = 0; x < groups.size(); x++) {
      Struct group = groups.get(x).getStructValue();
      var actual = holdout.getFrequencyGroups(x);
      assertThat(actual.getCustomers()).as("x = %d customers", x).isEqualTo(number(group, "customers"));
      assertThat(actual.getActualPurchases()).as("x = %d actual", x).isEqualTo(number(group, "actual"));
      assertThat(actual.getExpectedPurchases()).as("x = %d expected", x)
          .isCloseTo(group.getFieldsOrThrow("expected").getNumberValue(), relative(group, "expected"));
    }
    List<Value> weeks = expected.getFieldsOrThrow("weeks").getListValue().getValuesList();
    assertThat(holdout.getWeeksCount()).isEqualTo(weeks.size());
    for (int k = 0; k < weeks.size(); k++) {
      Struct week = weeks.get(k).getStructValue();
      assertThat(holdout.getWeeks(k).getActualCumulative()).as("week %d", k + 1).isEqualTo(number(week, "actual"));
      assertThat(holdout.getWeeks(k).getExpectedCumulative()).as("week %d expected", k + 1)
          .isCloseTo(week.getFieldsOrThrow("expected").getNumberValue(), relative(week, "expected"));
    }
  }

  private static ChurnRate churn(int port, String isoDate) throws Exception {
    String[] parts = isoDate.split("-");
    String json = Processes.bufCurl(port, "cskpi.v1.KpiService/ComputeChurnRate",
        "{\"tenant\":\"tenants/cdnow\",\"period\":{\"calendar\":{\"unit\":\"CALENDAR_UNIT_QUARTER\",\"date\":"
            + "{\"year\":" + Integer.parseInt(parts[0]) + ",\"month\":" + Integer.parseInt(parts[1])
            + ",\"day\":" + Integer.parseInt(parts[2]) + "}}}}");
    ComputeChurnRateResponse.Builder response = ComputeChurnRateResponse.newBuilder();
    JsonFormat.parser().merge(json, response);
    return response.getChurnRates(0);
  }

  /** Two computations of one expectation by different series agree to 1e-9 of its value. */
  private static org.assertj.core.data.Offset<Double> relative(Struct struct, String field) {
    return offset(Math.abs(struct.getFieldsOrThrow(field).getNumberValue()) * 1e-9 + 1e-12);
  }

  private static long number(Struct struct, String field) {
    Value value = struct.getFieldsOrThrow(field);
    return value.hasStringValue() ? Long.parseLong(value.getStringValue()) : (long) value.getNumberValue();
  }

  /** The JSON an independent script prints, run with python3 (cdnow_rfm.py finds the shared data itself). */
  private static Struct independent(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("python3",
        Processes.ROOT.resolve("server/src/test/independent/" + script).toString()));
    command.addAll(List.of(args));
    String json = Processes.run(command, 120);
    Struct.Builder figures = Struct.newBuilder();
    JsonFormat.parser().merge(json, figures);
    return figures.build();
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
