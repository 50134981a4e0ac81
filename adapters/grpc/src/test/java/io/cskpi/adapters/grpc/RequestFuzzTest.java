package io.cskpi.adapters.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.ClvModelServiceGrpc;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.FeedbackServiceGrpc;
import io.cskpi.proto.v1.HealthServiceGrpc;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.RetentionExpenseServiceGrpc;
import io.cskpi.proto.v1.SurveyServiceGrpc;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Any bytes, sent as the request of any method (the first byte picks the method), get OK or a
 * client error, never INTERNAL or UNKNOWN: request parsing, resource names, proto mapping and
 * validation hold whatever a client sends. The API runs on the in-memory fakes with a tenant
 * "acme" and a customer "a", so that requests the fuzzer gets right reach the use cases too.
 * {@code ./mvnw verify} runs the seeds of RequestFuzzTestInputs; FUZZING.md tells how to fuzz.
 */
class RequestFuzzTest {

  /** Every method of every cskpi.v1 service, taking and giving bytes; an input's first byte picks one. */
  static final List<MethodDescriptor<byte[], byte[]>> METHODS = Stream.of(TenantServiceGrpc.getServiceDescriptor(),
          CustomerServiceGrpc.getServiceDescriptor(), PurchaseServiceGrpc.getServiceDescriptor(),
          SurveyServiceGrpc.getServiceDescriptor(), RetentionExpenseServiceGrpc.getServiceDescriptor(),
          KpiServiceGrpc.getServiceDescriptor(), ClvModelServiceGrpc.getServiceDescriptor(),
          HealthServiceGrpc.getServiceDescriptor(), FeedbackServiceGrpc.getServiceDescriptor())
      .flatMap(service -> service.getMethods().stream())
      .map(method -> method.toBuilder(RequestParsing.BYTES, RequestParsing.BYTES).build())
      .toList();
  private static final Set<Status.Code> SERVER_FAULTS = Set.of(Status.Code.INTERNAL, Status.Code.UNKNOWN,
      Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED);
  /** The in-memory store grows with what the fuzzer records: a fresh one every so many calls. */
  private static final int CALLS_PER_API = 10_000;

  private static InProcessApi api;
  private static int calls;

  @FuzzTest(maxDuration = "60s")
  @DictionaryEntries({"tenants/acme", "tenants/acme/customers/a", "tenants/acme/healthModel",
      "tenants/acme/surveys/", "tenants/acme/clvModels/", "USD", "Europe/Madrid", "plan"})
  void anyBytesToAnyMethodGetOkOrAClientError(byte[] input) {
    if (input.length == 0) {
      return;
    }
    MethodDescriptor<byte[], byte[]> method = METHODS.get(Byte.toUnsignedInt(input[0]) % METHODS.size());
    try {
      ClientCalls.blockingUnaryCall(api().channel, method, CallOptions.DEFAULT, Arrays.copyOfRange(input, 1, input.length));
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).as("%s: %s", method.getBareMethodName(), e.getStatus())
          .isNotIn(SERVER_FAULTS);
    }
  }

  private static InProcessApi api() {
    if (api == null || ++calls % CALLS_PER_API == 0) {
      if (api != null) {
        api.close();
      }
      api = new InProcessApi();
      api.tenants.createTenant(CreateTenantRequest.newBuilder().setTenantId("acme").build());
      api.customers.batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder().setParent("tenants/acme")
          .addCustomers(Customer.newBuilder().setCustomerId("a")).build());
    }
    return api;
  }
}
