package io.cskpi.server;

import static io.cskpi.server.BadRequestCorpus.T;
import static io.cskpi.server.BadRequestCorpus.TENANT;
import static io.cskpi.server.BadRequestCorpus.calendar;
import static io.cskpi.server.BadRequestCorpus.date;
import static io.cskpi.server.BadRequestCorpus.ts;
import static io.cskpi.server.BadRequestCorpus.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import io.cskpi.proto.v1.BatchRecordFeedbackRequest;
import io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordRetentionExpensesRequest;
import io.cskpi.proto.v1.BatchRecordSignalsRequest;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.ClvModel;
import io.cskpi.proto.v1.ClvModelServiceGrpc;
import io.cskpi.proto.v1.ComputeFeedbackSummaryRequest;
import io.cskpi.proto.v1.ComputeHealthDistributionRequest;
import io.cskpi.proto.v1.ComputeKpiReportRequest;
import io.cskpi.proto.v1.CreateClvModelRequest;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.Feedback;
import io.cskpi.proto.v1.FeedbackServiceGrpc;
import io.cskpi.proto.v1.GetCustomerRequest;
import io.cskpi.proto.v1.GetHealthModelRequest;
import io.cskpi.proto.v1.GetTenantRequest;
import io.cskpi.proto.v1.HealthMeasure;
import io.cskpi.proto.v1.HealthModel;
import io.cskpi.proto.v1.HealthServiceGrpc;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.cskpi.proto.v1.LifecycleEvent;
import io.cskpi.proto.v1.LifecycleEventType;
import io.cskpi.proto.v1.LinearRule;
import io.cskpi.proto.v1.ListClvModelsRequest;
import io.cskpi.proto.v1.ListCommentsRequest;
import io.cskpi.proto.v1.ListCustomerHealthRequest;
import io.cskpi.proto.v1.ListCustomersRequest;
import io.cskpi.proto.v1.ListPurchasesRequest;
import io.cskpi.proto.v1.ListPurchasesResponse;
import io.cskpi.proto.v1.ListSurveysRequest;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.RetentionExpense;
import io.cskpi.proto.v1.RetentionExpenseServiceGrpc;
import io.cskpi.proto.v1.Signal;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.cskpi.proto.v1.SurveyResponse;
import io.cskpi.proto.v1.SurveyServiceGrpc;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.cskpi.proto.v1.UpdateHealthModelRequest;
import io.grpc.CallOptions;
import io.cskpi.application.ApiKeys;
import io.cskpi.domain.TenantId;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The bad-request corpus ({@link BadRequestCorpus}) through the real server on the test database:
 * a small tenant with data, a full report and a few reads taken, every bad request answered with
 * its status code and the field it names, then the same reads again, exactly unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestCorpusTest {

  private static final Set<ServiceDescriptor> SERVICES = Set.of(TenantServiceGrpc.getServiceDescriptor(),
      CustomerServiceGrpc.getServiceDescriptor(), PurchaseServiceGrpc.getServiceDescriptor(),
      SurveyServiceGrpc.getServiceDescriptor(), RetentionExpenseServiceGrpc.getServiceDescriptor(),
      KpiServiceGrpc.getServiceDescriptor(), ClvModelServiceGrpc.getServiceDescriptor(),
      HealthServiceGrpc.getServiceDescriptor(), FeedbackServiceGrpc.getServiceDescriptor());

  private CskpiServer server;
  private ManagedChannel plain;
  private Channel channel;
  private String otherTenantsKey;
  private List<Message> before;

  @BeforeAll
  void startAndLoadATenant() {
    server = Clients.startOnTestDatabase("--metrics-port", "0");
    plain = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
        .maxInboundMessageSize(16 << 20).build();
    ApiKeys keys = Clients.keys(server);
    channel = Clients.withKey(plain, keys.issue(Optional.empty(), "corpus").key());
    otherTenantsKey = keys.issue(Optional.of(new TenantId("not-" + BadRequestCorpus.TENANT)), "other").key();
    load();
    before = reads();
  }

  @AfterAll
  void stop() throws InterruptedException {
    plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  @TestFactory
  Stream<DynamicNode> corpus() {
    List<BadCall> cases = BadRequestCorpus.cases();
    return Stream.of(
        dynamicTest("the corpus has cases for every method of every service", () -> assertThat(
            cases.stream().map(BadCall::method).collect(Collectors.toSet()))
            .containsAll(SERVICES.stream().flatMap(s -> s.getMethods().stream())
                .map(MethodDescriptor::getFullMethodName).toList())),
        dynamicContainer("bad requests", cases.stream().map(c -> dynamicTest(c.toString(), () -> check(c)))),
        dynamicTest("the report and the reads are exactly as before", () -> assertThat(reads()).isEqualTo(before)));
  }

  private void check(BadCall bad) throws InvalidProtocolBufferException {
    Status status = Status.OK;
    List<String> fields = List.of();
    try {
      ClientCalls.blockingUnaryCall(channelFor(bad), raw(bad.method()),
          CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), Empty.parseFrom(bad.request()));
    } catch (StatusRuntimeException e) {
      status = e.getStatus();
      fields = fields(e);
    }
    assertThat(status.getCode()).as("status of %s (%s)", bad, status.getDescription()).isEqualTo(bad.code());
    assertThat(fields).as("fields named for %s (%s)", bad, status.getDescription())
        .isEqualTo(bad.field() == null ? List.of() : List.of(bad.field()));
  }

  /** The channel with the case's API key: an administrator's, another tenant's or none. */
  private Channel channelFor(BadCall bad) {
    if (bad.apiKey() == null) {
      return channel;
    }
    return bad.apiKey().equals(BadRequestCorpus.NO_KEY) ? plain : Clients.withKey(plain, otherTenantsKey);
  }

  /**
   * The method taking any wire bytes: an {@code Empty} keeps them all as unknown fields and sends
   * them as they are, so that a request may hold what no builder builds.
   */
  private static MethodDescriptor<Empty, Empty> raw(String fullName) {
    MethodDescriptor.Marshaller<Empty> asTheyAre = ProtoUtils.marshaller(Empty.getDefaultInstance());
    return MethodDescriptor.<Empty, Empty>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullName).setRequestMarshaller(asTheyAre).setResponseMarshaller(asTheyAre).build();
  }

  private static List<String> fields(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    List<String> fields = new ArrayList<>();
    for (var detail : status == null ? List.<com.google.protobuf.Any>of() : status.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          detail.unpack(BadRequest.class).getFieldViolationsList().forEach(v -> fields.add(v.getField()));
        } catch (InvalidProtocolBufferException x) {
          throw new IllegalStateException(x);
        }
      }
    }
    return fields;
  }

  /** Twelve customers, purchases, surveys with commented answers, feedback, an expense, signals, a health model. */
  private void load() {
    TenantServiceGrpc.newBlockingStub(channel).createTenant(CreateTenantRequest.newBuilder().setTenantId(TENANT).build());
    BatchUpsertCustomersRequest.Builder customers = BatchUpsertCustomersRequest.newBuilder().setParent(T);
    BatchRecordPurchasesRequest.Builder purchases = BatchRecordPurchasesRequest.newBuilder().setParent(T);
    BatchRecordSignalsRequest.Builder signals = BatchRecordSignalsRequest.newBuilder().setParent(T);
    List<String> ids = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      customers.addCustomers(Customer.newBuilder().setCustomerId(id).setAcquireTime(ts("2024-06-01T00:00:00Z"))
          .putAttributes("plan", i % 2 == 0 ? "gold" : "silver"));
      for (int p = 0; p <= i % 4; p++) {
        var time = java.time.LocalDate.of(2024, 6, 10 + i).plusWeeks(i < 6 ? 2L * p : 8L * p);
        purchases.addPurchases(BadRequestCorpus.purchase("o" + i + "-" + p, id, (10 + 7 * i + p) + ".50").toBuilder()
            .setPurchaseTime(ts(time + "T00:00:00Z")));
      }
      signals.addSignals(Signal.newBuilder().setSignalId("s" + i).setCustomerId(id).setName("logins")
          .setTime(ts("2025-02-01T00:00:00Z")).setValue(2 * i));
    }
    purchases.addPurchases(BadRequestCorpus.purchase("o1", "a", "40.00"));
    for (int m = 0; m <= 32; m++) {
      signals.addSignals(Signal.newBuilder().setSignalId("m" + m).setCustomerId("a")
          .setName(BadRequestCorpus.MANY_SIGNALS + m).setTime(ts("2025-01-01T00:00:00Z")).setValue(1));
    }
    CustomerServiceGrpc.newBlockingStub(channel).batchUpsertCustomers(customers.build());
    PurchaseServiceGrpc.newBlockingStub(channel).batchRecordPurchases(purchases.build());
    CustomerServiceGrpc.newBlockingStub(channel).batchRecordLifecycleEvents(BatchRecordLifecycleEventsRequest
        .newBuilder().setParent(T).addEvents(LifecycleEvent.newBuilder().setCustomerId("b")
            .setType(LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED).setEventTime(ts("2025-02-10T00:00:00Z"))).build());
    var surveys = SurveyServiceGrpc.newBlockingStub(channel);
    surveys.createSurvey(CreateSurveyRequest.newBuilder().setParent(T)
        .setSurvey(Survey.newBuilder().setSurveyId("nps").setKind(SurveyKind.SURVEY_KIND_NPS)).build());
    surveys.createSurvey(CreateSurveyRequest.newBuilder().setParent(T)
        .setSurvey(Survey.newBuilder().setSurveyId("csat").setKind(SurveyKind.SURVEY_KIND_CSAT)).build());
    surveys.batchRecordSurveyResponses(BatchRecordSurveyResponsesRequest.newBuilder().setParent(T)
        .addResponses(response("r1", "nps", "a", 9, "Great support, fast answers"))
        .addResponses(response("r2", "nps", "b", 2, "Too expensive and the app is slow"))
        .addResponses(response("r3", "nps", "c", 7, "El soporte es lento"))
        .addResponses(response("r4", "csat", "d", 4, "Good onboarding"))
        .addResponses(response("r5", "csat", "e", 1, "")).build());
    FeedbackServiceGrpc.newBlockingStub(channel).batchRecordFeedback(BatchRecordFeedbackRequest.newBuilder()
        .setParent(T).addFeedback(Feedback.newBuilder().setFeedbackId("f1").setCustomerId("f")
            .setTime(ts("2025-01-25T00:00:00Z")).setText("Billing is confusing")).build());
    RetentionExpenseServiceGrpc.newBlockingStub(channel).batchRecordRetentionExpenses(
        BatchRecordRetentionExpensesRequest.newBuilder().setParent(T).addExpenses(RetentionExpense.newBuilder()
            .setExpenseId("e1").setCategory("support").setAmount(usd("300.00")).setDate(date("2025-02-14"))).build());
    var health = HealthServiceGrpc.newBlockingStub(channel);
    health.batchRecordSignals(signals.build());
    health.updateHealthModel(UpdateHealthModelRequest.newBuilder().setHealthModel(HealthModel.newBuilder()
        .setName(T + "/healthModel").addMeasures(HealthMeasure.newBuilder().setSignal("logins").setWeight(1)
            .setLinear(LinearRule.newBuilder().setZeroPointsAt(0).setFullPointsAt(10)))).build());
    loadCdnowSampleAndFit();
  }

  /** The purchases of CDNOW's first 300 customers, in 1997 and 1998, and a CLV model fitted on them. */
  private void loadCdnowSampleAndFit() {
    List<String> ids = new ArrayList<>();
    List<io.cskpi.proto.v1.Purchase> purchases = new ArrayList<>();
    try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
        getClass().getResourceAsStream("/cdnow/CDNOW_master.txt"), java.nio.charset.StandardCharsets.US_ASCII))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.trim().split("\\s+");
        if (!f[0].matches("\\d+") || Integer.parseInt(f[0]) > 300) {
          continue;
        }
        String id = "cd" + f[0];
        if (!ids.contains(id)) {
          ids.add(id);
        }
        String day = f[1].substring(0, 4) + "-" + f[1].substring(4, 6) + "-" + f[1].substring(6);
        purchases.add(BadRequestCorpus.purchase("cd-" + purchases.size(), id, f[3]).toBuilder()
            .setPurchaseTime(ts(day + "T00:00:00Z")).build());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CustomerServiceGrpc.newBlockingStub(channel).batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder()
        .setParent(T).addAllCustomers(ids.stream().map(id -> Customer.newBuilder().setCustomerId(id).build()).toList())
        .build());
    for (int i = 0; i < purchases.size(); i += 1000) {
      PurchaseServiceGrpc.newBlockingStub(channel).batchRecordPurchases(BatchRecordPurchasesRequest.newBuilder()
          .setParent(T).addAllPurchases(purchases.subList(i, Math.min(i + 1000, purchases.size()))).build());
    }
    ClvModelServiceGrpc.newBlockingStub(channel).createClvModel(CreateClvModelRequest.newBuilder().setParent(T)
        .setClvModel(ClvModel.newBuilder().setClvModelId(BadRequestCorpus.FIT)
            .setCalibrationEndDate(date("1997-09-30"))).build());
  }

  private static SurveyResponse response(String id, String survey, String customer, int score, String comment) {
    return SurveyResponse.newBuilder().setResponseId(id).setSurveyId(survey).setCustomerId(customer)
        .setResponseTime(ts("2025-01-20T00:00:00Z")).setScore(score).setComment(comment).build();
  }

  /** Every purchase of the tenant, page after page (the CDNOW sample alone has more than a page). */
  private ListPurchasesResponse allPurchases() {
    ListPurchasesResponse.Builder all = ListPurchasesResponse.newBuilder();
    String token = "";
    do {
      ListPurchasesResponse page = PurchaseServiceGrpc.newBlockingStub(channel).listPurchases(ListPurchasesRequest
          .newBuilder().setParent(T).setPageSize(1000).setPageToken(token).build());
      all.addAllPurchases(page.getPurchasesList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all.build();
  }

  /** The KPI report of three months and every read that would show a stray write. */
  private List<Message> reads() {
    var year = calendar(CalendarUnit.CALENDAR_UNIT_YEAR, "2025-01-01");
    var health = HealthServiceGrpc.newBlockingStub(channel);
    return List.of(
        KpiServiceGrpc.newBlockingStub(channel).computeKpiReport(ComputeKpiReportRequest.newBuilder().setTenant(T)
            .setPeriod(calendar(CalendarUnit.CALENDAR_UNIT_MONTH, "2025-01-01")).setPeriodCount(3).build()),
        FeedbackServiceGrpc.newBlockingStub(channel).computeFeedbackSummary(ComputeFeedbackSummaryRequest
            .newBuilder().setTenant(T).setPeriod(year).build()),
        FeedbackServiceGrpc.newBlockingStub(channel).listComments(ListCommentsRequest.newBuilder().setParent(T)
            .setPageSize(1000).build()),
        health.listCustomerHealth(ListCustomerHealthRequest.newBuilder().setParent(T)
            .setAsOfDate(date("2025-03-01")).setPageSize(1000).build()),
        health.computeHealthDistribution(ComputeHealthDistributionRequest.newBuilder().setTenant(T)
            .addAsOfDates(date("2025-03-01")).build()),
        health.getHealthModel(GetHealthModelRequest.newBuilder().setName(T + "/healthModel").build()),
        TenantServiceGrpc.newBlockingStub(channel).getTenant(GetTenantRequest.newBuilder().setName(T).build()),
        CustomerServiceGrpc.newBlockingStub(channel).listCustomers(ListCustomersRequest.newBuilder().setParent(T)
            .setPageSize(1000).build()),
        CustomerServiceGrpc.newBlockingStub(channel).getCustomer(GetCustomerRequest.newBuilder()
            .setName(T + "/customers/a").build()),
        allPurchases(),
        SurveyServiceGrpc.newBlockingStub(channel).listSurveys(ListSurveysRequest.newBuilder().setParent(T).build()),
        ClvModelServiceGrpc.newBlockingStub(channel).listClvModels(ListClvModelsRequest.newBuilder().setParent(T)
            .build()));
  }
}
