package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.cskpi.application.ApiKeys;
import io.cskpi.domain.TenantId;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.SurveyServiceGrpc;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.cskpi.proto.v1.CustomerRecords;
import io.cskpi.proto.v1.GetCustomerRequest;
import io.cskpi.proto.v1.GetTenantRequest;
import io.cskpi.proto.v1.ImportRecordsRequest;
import io.cskpi.proto.v1.ImportRecordsResponse;
import io.cskpi.proto.v1.ImportServiceGrpc;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys and tenants, on the real server and database: every method of every service, called with
 * one tenant's key on another tenant's names, is refused with PERMISSION_DENIED naming the field;
 * the same request with the owner's key is not. A call without a valid key is UNAUTHENTICATED.
 */
class TenantIsolationTest {

  private static final String MONTH = "{calendar: {unit: 'CALENDAR_UNIT_MONTH', date: {year: 2024, month: 2, day: 1}}}";

  /** Every method's request naming tenant {T}, valid enough for its owner to be served. */
  private static final Map<String, String> REQUESTS = Map.ofEntries(
      Map.entry("TenantService/CreateTenant", "{tenantId: '{T}'}"),
      Map.entry("TenantService/GetTenant", "{name: 'tenants/{T}'}"),
      Map.entry("TenantService/UpdateTenant", "{tenant: {name: 'tenants/{T}', displayName: 'x'},"
          + " updateMask: 'displayName'}"),
      Map.entry("CustomerService/BatchUpsertCustomers", "{parent: 'tenants/{T}', customers: [{customerId: 'c2'}]}"),
      Map.entry("CustomerService/BatchRecordLifecycleEvents", "{parent: 'tenants/{T}', events: [{customerId: 'c1',"
          + " type: 'LIFECYCLE_EVENT_TYPE_CHURNED', eventTime: '2024-03-01T00:00:00Z'}]}"),
      Map.entry("CustomerService/GetCustomer", "{name: 'tenants/{T}/customers/c1'}"),
      Map.entry("CustomerService/ListCustomers", "{parent: 'tenants/{T}'}"),
      Map.entry("PurchaseService/BatchRecordPurchases", "{parent: 'tenants/{T}', purchases: [{orderId: 'o1',"
          + " customerId: 'c1', purchaseTime: '2024-02-01T00:00:00Z', amount: {currencyCode: 'EUR', amount: '10'}}]}"),
      Map.entry("PurchaseService/ListPurchases", "{parent: 'tenants/{T}'}"),
      Map.entry("SurveyService/CreateSurvey", "{parent: 'tenants/{T}', survey: {surveyId: 'nps2',"
          + " kind: 'SURVEY_KIND_NPS'}}"),
      Map.entry("SurveyService/GetSurvey", "{name: 'tenants/{T}/surveys/nps'}"),
      Map.entry("SurveyService/ListSurveys", "{parent: 'tenants/{T}'}"),
      Map.entry("SurveyService/BatchRecordSurveyResponses", "{parent: 'tenants/{T}', responses: [{responseId: 'r1',"
          + " surveyId: 'nps', customerId: 'c1', responseTime: '2024-02-01T00:00:00Z', score: 9}]}"),
      Map.entry("RetentionExpenseService/BatchRecordRetentionExpenses", "{parent: 'tenants/{T}', expenses:"
          + " [{expenseId: 'e1', amount: {currencyCode: 'EUR', amount: '5'}, category: 'success',"
          + " date: {year: 2024, month: 2, day: 1}}]}"),
      Map.entry("KpiService/ComputeChurnRate", "{tenant: 'tenants/{T}', period: " + MONTH + "}"),
      Map.entry("KpiService/ComputeCustomerLifetimeValue", "{tenant: 'tenants/{T}', period: " + MONTH + "}"),
      Map.entry("KpiService/ComputeNetPromoterScore", "{tenant: 'tenants/{T}', period: " + MONTH + "}"),
      Map.entry("KpiService/ComputeCustomerSatisfaction", "{tenant: 'tenants/{T}', period: " + MONTH + "}"),
      Map.entry("KpiService/ComputeRetentionCost", "{tenant: 'tenants/{T}', period: " + MONTH + "}"),
      Map.entry("KpiService/ComputeKpiReport", "{tenant: 'tenants/{T}', period: " + MONTH + "}"),
      Map.entry("ClvModelService/CreateClvModel", "{parent: 'tenants/{T}', clvModel: {clvModelId: 'm1',"
          + " calibrationEndDate: {year: 2024, month: 6, day: 30}}}"),
      Map.entry("ClvModelService/GetClvModel", "{name: 'tenants/{T}/clvModels/m1'}"),
      Map.entry("ClvModelService/ListClvModels", "{parent: 'tenants/{T}'}"),
      Map.entry("ClvModelService/ListCustomerValues", "{clvModel: 'tenants/{T}/clvModels/m1'}"),
      Map.entry("ClvModelService/GetCustomerValue", "{clvModel: 'tenants/{T}/clvModels/m1',"
          + " customer: 'tenants/{T}/customers/c1'}"),
      Map.entry("ClvModelService/ComputePredictedValue", "{clvModel: 'tenants/{T}/clvModels/m1'}"),
      Map.entry("ClvModelService/CompareHoldout", "{clvModel: 'tenants/{T}/clvModels/m1',"
          + " holdoutEndDate: {year: 2024, month: 12, day: 31}}"),
      Map.entry("HealthService/BatchRecordSignals", "{parent: 'tenants/{T}', signals: [{signalId: 's1',"
          + " customerId: 'c1', name: 'usage', time: '2024-02-01T00:00:00Z', value: 3}]}"),
      Map.entry("HealthService/UpdateHealthModel", "{healthModel: {name: 'tenants/{T}/healthModel', measures:"
          + " [{signal: 'usage', weight: 1, linear: {zeroPointsAt: 0, fullPointsAt: 10}}]}}"),
      Map.entry("HealthService/GetHealthModel", "{name: 'tenants/{T}/healthModel'}"),
      Map.entry("HealthService/GetCustomerHealth", "{customer: 'tenants/{T}/customers/c1'}"),
      Map.entry("HealthService/ListCustomerHealth", "{parent: 'tenants/{T}'}"),
      Map.entry("HealthService/ComputeHealthDistribution", "{tenant: 'tenants/{T}'}"),
      Map.entry("HealthService/ListHealthChanges", "{parent: 'tenants/{T}',"
          + " baselineDate: {year: 2024, month: 1, day: 31}}"),
      Map.entry("FeedbackService/BatchRecordFeedback", "{parent: 'tenants/{T}', feedback: [{feedbackId: 'f1',"
          + " customerId: 'c1', time: '2024-02-01T00:00:00Z', text: 'Muy buen servicio'}]}"),
      Map.entry("FeedbackService/ComputeFeedbackSummary", "{tenant: 'tenants/{T}', period: " + MONTH + "}"),
      Map.entry("FeedbackService/ListComments", "{parent: 'tenants/{T}'}"),
      Map.entry("ImportService/ImportRecords", "{parent: 'tenants/{T}', importId: 'i1', sequence: 1,"
          + " customers: {customers: [{customerId: 'c3'}]}}"));

  private static CskpiServer server;
  private static ManagedChannel channel;
  private static ApiKeys keys;
  private static String owner;
  private static String ownerKey;
  private static String otherKey;

  @BeforeAll
  static void start() {
    server = Clients.startOnTestDatabase();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    keys = Clients.keys(server);
    owner = "own-" + UUID.randomUUID().toString().substring(0, 8);
    ownerKey = keys.issue(Optional.of(new TenantId(owner)), "owner").key();
    otherKey = keys.issue(Optional.of(new TenantId("oth-" + owner.substring(4))), "other").key();
    ManagedChannel asOwner = Clients.channel(server.port(), ownerKey);
    TenantServiceGrpc.newBlockingStub(asOwner).createTenant(CreateTenantRequest.newBuilder().setTenantId(owner).build());
    CustomerServiceGrpc.newBlockingStub(asOwner).batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder()
        .setParent("tenants/" + owner).addCustomers(Customer.newBuilder().setCustomerId("c1")
            .setAcquireTime(Timestamp.newBuilder().setSeconds(1_704_067_200L))).build());
    SurveyServiceGrpc.newBlockingStub(asOwner).createSurvey(CreateSurveyRequest.newBuilder().setParent("tenants/" + owner)
        .setSurvey(Survey.newBuilder().setSurveyId("nps").setKind(SurveyKind.SURVEY_KIND_NPS)).build());
    asOwner.shutdownNow();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  @Test
  void theTableCoversEveryMethod() {
    assertThat(REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(
        methods().keySet().stream().map(n -> n.substring("cskpi.v1.".length())).toList());
  }

  @Test
  void anotherTenantsKeyIsRefusedOnEveryMethod() throws Exception {
    Map<String, String> outcomes = new TreeMap<>();
    for (Map.Entry<String, MethodDescriptor<?, ?>> method : methods().entrySet()) {
      Message request = request(method.getValue(), owner);

      StatusRuntimeException refused = call(method.getValue(), request, otherKey);

      assertThat(refused).as(method.getKey()).isNotNull();
      assertThat(refused.getStatus().getCode()).as(method.getKey()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(StatusProto.fromThrowable(refused).getDetailsList()).as(method.getKey())
          .anyMatch(detail -> detail.is(BadRequest.class));
      Status.Code asOwner = Optional.ofNullable(call(method.getValue(), request, ownerKey))
          .map(e -> e.getStatus().getCode()).orElse(Status.Code.OK);
      outcomes.put(method.getKey(), asOwner.name());
    }
    assertThat(outcomes).as("the owner's key is let through").doesNotContainValue("PERMISSION_DENIED")
        .doesNotContainValue("UNAUTHENTICATED").doesNotContainValue("INVALID_ARGUMENT");
  }

  @Test
  void aCallWithoutAValidKeyIsUnauthenticated() throws Exception {
    MethodDescriptor<?, ?> get = methods().get("cskpi.v1.TenantService/GetTenant");
    Message request = request(get, owner);
    String revoked = keys.issue(Optional.of(new TenantId(owner)), "old").key();
    keys.revoke(revoked.split("_")[1]);

    for (String key : new String[] {null, "", " ", "not-a-key", ownerKey + "x", revoked}) {
      assertThat(call(get, request, key).getStatus().getCode()).as(String.valueOf(key))
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }
    Metadata twoKeys = new Metadata();
    twoKeys.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + ownerKey);
    twoKeys.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + otherKey);
    StatusRuntimeException ambiguous = catchThrowableOfType(StatusRuntimeException.class, () -> TenantServiceGrpc
        .newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(twoKeys))
        .getTenant(GetTenantRequest.newBuilder().setName("tenants/" + owner).build()));
    assertThat(ambiguous.getStatus().getCode()).as("two keys in one call").isEqualTo(Status.Code.UNAUTHENTICATED);
    StatusRuntimeException refused = call(get, request, "wrong");
    assertThat(refused.getStatus().getDescription()).doesNotContain("wrong");
  }

  /** A key revoked while its import stream is open stops that stream at its next batch. */
  @Test
  void aRevokedKeyStopsItsOpenImportStream() throws Exception {
    String key = keys.issue(Optional.of(new TenantId(owner)), "importer").key();
    BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    StreamObserver<ImportRecordsRequest> batches = ImportServiceGrpc.newStub(Clients.withKey(channel, key)).importRecords(new StreamObserver<>() {
          @Override
          public void onNext(ImportRecordsResponse ack) {
            answers.add(ack);
          }

          @Override
          public void onError(Throwable t) {
            answers.add(t);
          }

          @Override
          public void onCompleted() {
            answers.add("completed");
          }
        });
    batches.onNext(batch(1, "revoked-1"));
    assertThat(answers.poll(30, TimeUnit.SECONDS)).isInstanceOf(ImportRecordsResponse.class);

    keys.revoke(key.split("_")[1]);
    batches.onNext(batch(2, "revoked-2"));

    assertThat(answers.poll(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    batches.onCompleted();
    StatusRuntimeException notStored = call(methods().get("cskpi.v1.CustomerService/GetCustomer"),
        request(methods().get("cskpi.v1.CustomerService/GetCustomer"), owner).toBuilder()
            .setField(GetCustomerRequest.getDescriptor().findFieldByName("name"), "tenants/" + owner + "/customers/revoked-2")
            .build(), ownerKey);
    assertThat(notStored.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  private ImportRecordsRequest batch(long sequence, String customer) {
    return ImportRecordsRequest.newBuilder().setParent("tenants/" + owner).setImportId("revoked").setSequence(sequence)
        .setCustomers(CustomerRecords.newBuilder().addCustomers(Customer.newBuilder().setCustomerId(customer))).build();
  }

  @Test
  void anAdministratorKeyReachesEveryTenant() throws Exception {
    String admin = keys.issue(Optional.empty(), "operator").key();
    MethodDescriptor<?, ?> get = methods().get("cskpi.v1.TenantService/GetTenant");

    assertThat(call(get, request(get, owner), admin)).isNull();
  }

  private static Map<String, MethodDescriptor<?, ?>> methods() {
    return server.services().stream()
        .map(ServerServiceDefinition::getServiceDescriptor)
        .flatMap(service -> service.getMethods().stream())
        .collect(Collectors.toMap(MethodDescriptor::getFullMethodName, m -> m, (a, b) -> a, TreeMap::new));
  }

  /** The method's proto descriptor, which the server's byte-taking methods keep. */
  private static Descriptors.MethodDescriptor schema(MethodDescriptor<?, ?> method) {
    return ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor();
  }

  private static Message request(MethodDescriptor<?, ?> method, String tenant) throws InvalidProtocolBufferException {
    Message prototype = DynamicMessage.getDefaultInstance(schema(method).getInputType());
    String json = REQUESTS.get(method.getFullMethodName().substring("cskpi.v1.".length()))
        .replace("{T}", tenant).replaceAll("([{,]\\s*)(\\w+):", "$1\"$2\":").replace('\'', '"');
    Message.Builder builder = prototype.newBuilderForType();
    JsonFormat.parser().merge(json, builder);
    return builder.build();
  }

  /** The failure of a call sending the one request (unary or streaming), or null when it succeeded. */
  private static StatusRuntimeException call(MethodDescriptor<?, ?> method, Message request, String key)
      throws Exception {
    Channel keyed = key == null ? channel : Clients.withKey(channel, key);
    MethodDescriptor<Message, Message> asMessages = MethodDescriptor.<Message, Message>newBuilder()
        .setType(method.getType()).setFullMethodName(method.getFullMethodName())
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(schema(method).getOutputType())))
        .build();
    ClientCall<Message, Message> call = keyed.newCall(asMessages, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
    CompletableFuture<StatusRuntimeException> closed = new CompletableFuture<>();
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onClose(Status status, Metadata trailers) {
        closed.complete(status.isOk() ? null : status.asRuntimeException(trailers));
      }
    }, new Metadata());
    call.request(Integer.MAX_VALUE);
    call.sendMessage(request);
    call.halfClose();
    return closed.get(60, TimeUnit.SECONDS);
  }
}
