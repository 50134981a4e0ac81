package io.cskpi.server;

import com.google.type.Date;
import io.cskpi.proto.v1.AttributeFilter;
import io.cskpi.proto.v1.CalendarPeriod;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ChurnRule;
import io.cskpi.proto.v1.ClvMethod;
import io.cskpi.proto.v1.ClvModel;
import io.cskpi.proto.v1.ClvModelServiceGrpc;
import io.cskpi.proto.v1.ComputeChurnRateRequest;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueRequest;
import io.cskpi.proto.v1.ComputeCustomerSatisfactionRequest;
import io.cskpi.proto.v1.ComputeKpiReportRequest;
import io.cskpi.proto.v1.ComputeNetPromoterScoreRequest;
import io.cskpi.proto.v1.ComputePredictedValueRequest;
import io.cskpi.proto.v1.CreateClvModelRequest;
import io.cskpi.proto.v1.ComputeRetentionCostRequest;
import io.cskpi.proto.v1.ComputeFeedbackSummaryRequest;
import io.cskpi.proto.v1.ComputeHealthDistributionRequest;
import io.cskpi.proto.v1.FeedbackServiceGrpc;
import io.cskpi.proto.v1.ListCommentsRequest;
import io.cskpi.proto.v1.SentimentLabel;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.GetCustomerHealthRequest;
import io.cskpi.proto.v1.HealthServiceGrpc;
import io.cskpi.proto.v1.ListCustomerHealthRequest;
import io.cskpi.proto.v1.ListHealthChangesRequest;
import io.cskpi.proto.v1.InactivityRule;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.cskpi.proto.v1.ListCustomerValuesRequest;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.RetentionExpense;
import io.cskpi.proto.v1.ServicePeriod;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.cskpi.proto.v1.SurveyResponse;
import io.cskpi.proto.v1.Tenant;
import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code benchmark}: loads synthetic data of a given size into a running server through the
 * public API (several client threads, batches of 1000) and prints the ingest rates and the time
 * of each KPI call, including a 12-month report. Data are drawn from a seeded generator, so two
 * runs load the same records.
 */
final class Benchmark {

  private static final String HELP = """
      Usage: java -jar cskpi-server.jar benchmark [--target HOST:PORT] [--api-key KEY] [--customers N] [--purchases N]
                 [--responses N] [--threads N] [--repeat N] [--kpis-of TENANT]
      Needs an administrator API key (keys create --admin): it creates its own tenants.
      --kpis-of times the KPI calls on a tenant an earlier run loaded (its name is printed), loading nothing.
      Defaults: 100000 customers, 1000000 purchases, 200000 survey responses (each with a comment in Spanish,
      English or Portuguese, analysed as it arrives), 4 client threads, 3 timed runs
      of each KPI call (the minimum and the median are printed). Data cover 2024-01-01 to 2025-12-31.
      """;
  private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = 730L * 86_400;
  private static final String[] PLANS = {"basic", "pro", "enterprise"};
  private static final String[] COUNTRIES = {"ES", "PT", "BR", "MX", "US"};

  private Benchmark() {}

  static int run(List<String> args, PrintStream out) throws Exception {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("--customers", "100000");
    defaults.put("--purchases", "1000000");
    defaults.put("--responses", "200000");
    defaults.put("--threads", "4");
    defaults.put("--repeat", "3");
    defaults.put("--kpis-of", null);
    ClientOptions options = ClientOptions.parse(args, defaults);
    if (options.help()) {
      out.print(HELP);
      return 0;
    }
    int customers = Integer.parseInt(options.values().get("--customers"));
    int purchases = Integer.parseInt(options.values().get("--purchases"));
    int responses = Integer.parseInt(options.values().get("--responses"));
    int threads = Integer.parseInt(options.values().get("--threads"));
    int repeat = Integer.parseInt(options.values().get("--repeat"));
    String loaded = options.values().get("--kpis-of");
    String tenantId = loaded != null ? loaded : "bench-" + Long.toString(System.currentTimeMillis(), 36);
    ManagedChannel channel = options.channel();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      if (loaded != null) {
        timeKpis(out, KpiServiceGrpc.newBlockingStub(channel), "tenants/" + tenantId, repeat);
        timeClvModel(out, ClvModelServiceGrpc.newBlockingStub(channel), "tenants/" + tenantId);
        timeHealth(out, HealthServiceGrpc.newBlockingStub(channel), "tenants/" + tenantId, repeat);
        timeFeedback(out, FeedbackServiceGrpc.newBlockingStub(channel), "tenants/" + tenantId, repeat);
        return 0;
      }
      ApiWriter writer = new ApiWriter(channel, tenantId, System.err);
      writer.tenant(tenantId, Tenant.newBuilder().setTimeZone("UTC")
          .setChurnRule(ChurnRule.newBuilder().setInactivity(InactivityRule.newBuilder().setDays(90))).build());
      out.printf("tenant %s: %,d customers, %,d purchases, %,d survey responses, %d client threads%n",
          tenantId, customers, purchases, responses, threads);
      Random random = new Random(42);
      List<Customer> customerList = new ArrayList<>(customers);
      for (int c = 0; c < customers; c++) {
        customerList.add(Customer.newBuilder().setCustomerId("c" + c)
            .putAttributes("plan", PLANS[random.nextInt(PLANS.length)])
            .putAttributes("country", COUNTRIES[random.nextInt(COUNTRIES.length)]).build());
      }
      timeIngest(out, "customers", customers, pool, threads, customerList,
          batch -> new ApiWriter(channel, tenantId, System.err).upsertCustomers(batch));
      List<Purchase> purchaseList = BenchmarkPurchases.draw(customers, purchases, FIRST, SPAN_SECONDS, random);
      timeIngest(out, "purchases", purchases, pool, threads, purchaseList,
          batch -> new ApiWriter(channel, tenantId, System.err).recordPurchases(batch));
      writer.createSurvey(Survey.newBuilder().setSurveyId("nps").setKind(SurveyKind.SURVEY_KIND_NPS).build());
      writer.createSurvey(Survey.newBuilder().setSurveyId("csat").setKind(SurveyKind.SURVEY_KIND_CSAT).build());
      List<SurveyResponse> responseList = new ArrayList<>(responses);
      for (int r = 0; r < responses; r++) {
        boolean nps = r % 2 == 0;
        responseList.add(SurveyResponse.newBuilder().setResponseId("r" + r).setSurveyId(nps ? "nps" : "csat")
            .setCustomerId("c" + random.nextInt(customers))
            .setResponseTime(ApiWriter.timestamp(FIRST.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS))))
            .setScore(nps ? random.nextInt(11) : 1 + random.nextInt(5))
            .setComment(BenchmarkComments.draw(random)).build());
      }
      timeIngest(out, "survey responses", responses, pool, threads, responseList,
          batch -> new ApiWriter(channel, tenantId, System.err).recordResponses(batch));
      List<RetentionExpense> expenses = new ArrayList<>();
      for (int m = 0; m < 24; m++) {
        LocalDate month = LocalDate.of(2024, 1, 1).plusMonths(m);
        expenses.add(RetentionExpense.newBuilder().setExpenseId("e" + m).setCategory(m % 2 == 0 ? "support" : "tools")
            .setAmount(Money.newBuilder().setCurrencyCode("EUR").setAmount("25000.00"))
            .setServicePeriod(ServicePeriod.newBuilder().setStartDate(date(month)).setEndDate(date(month.plusMonths(1)
                .minusDays(1)))).build());
      }
      new ApiWriter(channel, tenantId, System.err).recordExpenses(expenses);
      timeKpis(out, KpiServiceGrpc.newBlockingStub(channel), "tenants/" + tenantId, repeat);
      timeClvModel(out, ClvModelServiceGrpc.newBlockingStub(channel), "tenants/" + tenantId);
      timeHealth(out, HealthServiceGrpc.newBlockingStub(channel), "tenants/" + tenantId, repeat);
      timeFeedback(out, FeedbackServiceGrpc.newBlockingStub(channel), "tenants/" + tenantId, repeat);
      return 0;
    } finally {
      pool.shutdownNow();
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static <T> void timeIngest(PrintStream out, String what, int count, ExecutorService pool, int threads,
      List<T> records, java.util.function.Consumer<List<T>> send) throws Exception {
    long started = System.nanoTime();
    int chunk = (records.size() + threads - 1) / threads;
    List<Future<?>> running = new ArrayList<>();
    for (int from = 0; from < records.size(); from += chunk) {
      List<T> part = records.subList(from, Math.min(records.size(), from + chunk));
      running.add(pool.submit(() -> send.accept(part)));
    }
    for (Future<?> future : running) {
      future.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("ingest %-17s %,10d in %7.1f s: %,9.0f records/s%n", what, count, seconds, count / seconds);
  }

  private static void timeKpis(PrintStream out, KpiServiceGrpc.KpiServiceBlockingStub kpis, String tenant, int repeat) {
    Period quarter = calendar(CalendarUnit.CALENDAR_UNIT_QUARTER, 2025, 4);
    Period month = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, 2025, 6);
    Period year = calendar(CalendarUnit.CALENDAR_UNIT_YEAR, 2025, 1);
    Period january = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, 2025, 1);
    AttributeFilter pro = AttributeFilter.newBuilder().setKey("plan").addValues("pro").build();
    Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
    calls.put("churn, one quarter", () -> kpis.computeChurnRate(ComputeChurnRateRequest.newBuilder()
        .setTenant(tenant).setPeriod(quarter).build()));
    calls.put("churn, 12 months", () -> kpis.computeChurnRate(ComputeChurnRateRequest.newBuilder()
        .setTenant(tenant).setPeriod(january).setPeriodCount(12).build()));
    calls.put("churn, quarter, plan=pro", () -> kpis.computeChurnRate(ComputeChurnRateRequest.newBuilder()
        .setTenant(tenant).setPeriod(quarter).addSegment(pro).build()));
    calls.put("CLV historical, year", () -> kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest
        .newBuilder().setTenant(tenant).setPeriod(year).build()));
    calls.put("CLV ARPA_CHURN, year", () -> kpis.computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest
        .newBuilder().setTenant(tenant).setPeriod(year).setMethod(ClvMethod.CLV_METHOD_ARPA_CHURN).build()));
    calls.put("retention cost, month", () -> kpis.computeRetentionCost(ComputeRetentionCostRequest.newBuilder()
        .setTenant(tenant).setPeriod(month).build()));
    calls.put("NPS, month", () -> kpis.computeNetPromoterScore(ComputeNetPromoterScoreRequest.newBuilder()
        .setTenant(tenant).setPeriod(month).build()));
    calls.put("NPS, 12 months, latest", () -> kpis.computeNetPromoterScore(ComputeNetPromoterScoreRequest.newBuilder()
        .setTenant(tenant).setPeriod(january).setPeriodCount(12).setLatestPerCustomer(true).build()));
    calls.put("CSAT, month", () -> kpis.computeCustomerSatisfaction(ComputeCustomerSatisfactionRequest.newBuilder()
        .setTenant(tenant).setPeriod(month).build()));
    calls.put("KPI report, 12 months", () -> kpis.computeKpiReport(ComputeKpiReportRequest.newBuilder()
        .setTenant(tenant).setPeriod(january).setPeriodCount(12).build()));
    calls.put("KPI report, 12 months, plan=pro", () -> kpis.computeKpiReport(ComputeKpiReportRequest.newBuilder()
        .setTenant(tenant).setPeriod(january).setPeriodCount(12).addSegment(pro).build()));
    time(out, calls, repeat);
  }

  /** Health scores of every customer under the default model (four built-in signals, all in SQL). */
  private static void timeHealth(PrintStream out, HealthServiceGrpc.HealthServiceBlockingStub health, String tenant,
      int repeat) {
    Date asOf = date(LocalDate.of(2025, 12, 31));
    Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
    calls.put("health of one customer", () -> health.getCustomerHealth(GetCustomerHealthRequest.newBuilder()
        .setCustomer(tenant + "/customers/c42").setAsOfDate(asOf).build()));
    calls.put("health, 100 lowest of all", () -> health.listCustomerHealth(ListCustomerHealthRequest.newBuilder()
        .setParent(tenant).setAsOfDate(asOf).build()));
    calls.put("health distribution, one date", () -> health.computeHealthDistribution(
        ComputeHealthDistributionRequest.newBuilder().setTenant(tenant).addAsOfDates(asOf).build()));
    var monthEnds = ComputeHealthDistributionRequest.newBuilder().setTenant(tenant);
    for (int m = 1; m <= 12; m++) {
      monthEnds.addAsOfDates(date(LocalDate.of(2025, m, 1).plusMonths(1).minusDays(1)));
    }
    calls.put("health distribution, 12 months", () -> health.computeHealthDistribution(monthEnds.build()));
    calls.put("health changes, 100 largest drops", () -> health.listHealthChanges(ListHealthChangesRequest
        .newBuilder().setParent(tenant).setAsOfDate(asOf).setBaselineDate(date(LocalDate.of(2025, 9, 30))).build()));
    time(out, calls, repeat);
  }

  /** The feedback summary and lists over the comments analysed at ingestion. */
  private static void timeFeedback(PrintStream out, FeedbackServiceGrpc.FeedbackServiceBlockingStub feedback,
      String tenant, int repeat) {
    Period month = calendar(CalendarUnit.CALENDAR_UNIT_MONTH, 2025, 6);
    Period year = calendar(CalendarUnit.CALENDAR_UNIT_YEAR, 2025, 1);
    Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
    calls.put("feedback summary, month", () -> feedback.computeFeedbackSummary(ComputeFeedbackSummaryRequest
        .newBuilder().setTenant(tenant).setPeriod(month).build()));
    calls.put("feedback summary, year", () -> feedback.computeFeedbackSummary(ComputeFeedbackSummaryRequest
        .newBuilder().setTenant(tenant).setPeriod(year).build()));
    calls.put("comments, 100 newest negative", () -> feedback.listComments(ListCommentsRequest.newBuilder()
        .setParent(tenant).setSentiment(SentimentLabel.SENTIMENT_LABEL_NEGATIVE).build()));
    calls.put("comments, text search", () -> feedback.listComments(ListCommentsRequest.newBuilder()
        .setParent(tenant).setTextQuery("entrega").build()));
    time(out, calls, repeat);
  }

  private static void time(PrintStream out, Map<String, Supplier<Object>> calls, int repeat) {
    out.printf("%-34s %10s %10s%n", "KPI call", "min ms", "median ms");
    calls.forEach((name, call) -> {
      long[] millis = new long[repeat];
      for (int i = 0; i < repeat; i++) {
        long started = System.nanoTime();
        call.get();
        millis[i] = (System.nanoTime() - started) / 1_000_000;
      }
      Arrays.sort(millis);
      out.printf("%-34s %10d %10d%n", name, millis[0], millis[repeat / 2]);
    });
  }

  /** One predictive-CLV fit of every customer (calibration to 2025-06-30), then reads of its values. */
  private static void timeClvModel(PrintStream out, ClvModelServiceGrpc.ClvModelServiceBlockingStub models,
      String tenant) {
    String id = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    long started = System.nanoTime();
    ClvModel model;
    try {
      model = models.createClvModel(CreateClvModelRequest.newBuilder().setParent(tenant)
          .setClvModel(ClvModel.newBuilder().setClvModelId(id).setCalibrationEndDate(date(LocalDate.of(2025, 6, 30))))
          .build());
    } catch (io.grpc.StatusRuntimeException e) {
      out.printf("CLV model fit: %s (too few purchases per customer to fit)%n", e.getStatus().getCode());
      return;
    }
    long fitMillis = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    models.listCustomerValues(ListCustomerValuesRequest.newBuilder().setClvModel(model.getName()).build());
    long listMillis = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    models.computePredictedValue(ComputePredictedValueRequest.newBuilder().setClvModel(model.getName()).build());
    long totalMillis = (System.nanoTime() - started) / 1_000_000;
    out.printf("%-34s %10d%n", String.format("CLV model fit, %,d customers", model.getBgNbd().getCustomers()),
        fitMillis);
    out.printf("%-34s %10d%n", "CLV values, top 100", listMillis);
    out.printf("%-34s %10d%n", "CLV predicted total", totalMillis);
  }

  private static Period calendar(CalendarUnit unit, int year, int month) {
    return Period.newBuilder().setCalendar(CalendarPeriod.newBuilder().setUnit(unit)
        .setDate(Date.newBuilder().setYear(year).setMonth(month).setDay(1))).build();
  }

  private static Date date(LocalDate date) {
    return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
  }
}
