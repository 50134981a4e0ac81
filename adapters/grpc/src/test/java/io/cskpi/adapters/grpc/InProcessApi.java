package io.cskpi.adapters.grpc;

import io.cskpi.application.UseCases;
import io.cskpi.adapters.text.LuceneCommentAnalyzer;
import io.cskpi.application.fakes.InMemoryStore;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.ClvModelServiceGrpc;
import io.cskpi.proto.v1.FeedbackServiceGrpc;
import io.cskpi.proto.v1.HealthServiceGrpc;
import io.cskpi.proto.v1.ImportServiceGrpc;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.RetentionExpenseServiceGrpc;
import io.cskpi.proto.v1.SurveyServiceGrpc;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.cskpi.application.ApiKeys;
import io.cskpi.application.fakes.InMemoryApiKeyRepository;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.Optional;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The gRPC services on the in-memory fakes, behind an in-process server, with real stubs that
 * send an administrator key.
 */
final class InProcessApi implements AutoCloseable {

  final TenantServiceGrpc.TenantServiceBlockingStub tenants;
  final CustomerServiceGrpc.CustomerServiceBlockingStub customers;
  final PurchaseServiceGrpc.PurchaseServiceBlockingStub purchases;
  final SurveyServiceGrpc.SurveyServiceBlockingStub surveys;
  final RetentionExpenseServiceGrpc.RetentionExpenseServiceBlockingStub expenses;
  final KpiServiceGrpc.KpiServiceBlockingStub kpis;
  final ClvModelServiceGrpc.ClvModelServiceBlockingStub clvModels;
  final HealthServiceGrpc.HealthServiceBlockingStub health;
  final FeedbackServiceGrpc.FeedbackServiceBlockingStub feedback;
  final ImportServiceGrpc.ImportServiceStub imports;
  private final ApiKeys keys = new ApiKeys(new InMemoryApiKeyRepository(), Clock.systemUTC());
  /** The channel, sending the administrator key on every call. */
  final Channel channel;
  private final ManagedChannel managed;
  private final Server server;

  /** The real comment analyzer, loaded once for all tests. */
  private static final LuceneCommentAnalyzer ANALYZER = new LuceneCommentAnalyzer();

  InProcessApi() {
    UseCases useCases = UseCases.on(InMemoryStore.ports(), ANALYZER, Clock.systemUTC());
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name).directExecutor();
    GrpcApi.services(useCases, keys, RecordCounter.NONE).forEach(builder::addService);
    server = builder
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    managed = InProcessChannelBuilder.forName(name).directExecutor().build();
    ClientInterceptor admin = bearer(keys.issue(Optional.empty(), "tests").key());
    channel = ClientInterceptors.intercept(managed, admin);
    tenants = TenantServiceGrpc.newBlockingStub(channel);
    customers = CustomerServiceGrpc.newBlockingStub(channel);
    purchases = PurchaseServiceGrpc.newBlockingStub(channel);
    surveys = SurveyServiceGrpc.newBlockingStub(channel);
    expenses = RetentionExpenseServiceGrpc.newBlockingStub(channel);
    kpis = KpiServiceGrpc.newBlockingStub(channel);
    clvModels = ClvModelServiceGrpc.newBlockingStub(channel);
    health = HealthServiceGrpc.newBlockingStub(channel);
    feedback = FeedbackServiceGrpc.newBlockingStub(channel);
    imports = ImportServiceGrpc.newStub(channel);
  }

  /** Sends {@code key} as "authorization: Bearer" metadata. */
  private static ClientInterceptor bearer(String key) {
    Metadata headers = new Metadata();
    headers.put(Authentication.AUTHORIZATION, "Bearer " + key);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  @Override
  public void close() {
    managed.shutdownNow();
    server.shutdownNow();
  }
}
