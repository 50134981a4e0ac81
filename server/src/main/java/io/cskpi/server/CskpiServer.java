package io.cskpi.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: the database, the gRPC server with health (NOT_SERVING while the database
 * does not answer) and reflection (v1 and v1alpha, for both generations of grpcurl), and the
 * ordered shutdown.
 */
final class CskpiServer {

  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(CskpiServer.class);

  private final Server server;
  private final HealthStatusManager health;
  private final DatabaseModule.Database database;
  private final Metrics metrics;
  private final List<ServerServiceDefinition> services;
  private final DatabaseHealth databaseHealth;

  private CskpiServer(Server server, HealthStatusManager health, DatabaseModule.Database database, Metrics metrics,
      List<ServerServiceDefinition> services, DatabaseHealth databaseHealth) {
    this.server = server;
    this.services = services;
    this.health = health;
    this.database = database;
    this.metrics = metrics;
    this.databaseHealth = databaseHealth;
  }

  static CskpiServer start(Config config) {
    Metrics metrics = new Metrics();
    Injector injector = Guice.createInjector(new DatabaseModule(config), new ApplicationModule(metrics::stored));
    DatabaseModule.Database database = injector.getInstance(DatabaseModule.Database.class);
    List<ServerServiceDefinition> services =
        injector.getInstance(Key.get(new TypeLiteral<List<ServerServiceDefinition>>() {}));
    HealthStatusManager health = new HealthStatusManager();
    config.metricsPort().ifPresent(port -> metrics.serve(database.pool(), port));
    CallObserver observer = new CallObserver(metrics);
    NettyServerBuilder builder = NettyServerBuilder.forPort(config.port())
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance())
        .addService(ProtoReflectionService.newInstance());
    services.forEach(service -> builder.addService(ServerInterceptors.intercept(service, observer)));
    Server server;
    try {
      config.tls().ifPresent(tls -> builder.useTransportSecurity(tls.certificate().toFile(), tls.privateKey().toFile()));
      server = builder.build().start();
    } catch (IOException | RuntimeException e) {
      metrics.close();
      database.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot listen on port " + config.port(), io);
      }
      throw new IllegalArgumentException("cannot start: " + e.getMessage(), e);
    }
    List<String> names = new ArrayList<>(List.of(""));
    services.forEach(s -> names.add(s.getServiceDescriptor().getName()));
    Consumer<Boolean> serving = up -> names.forEach(name -> health.setStatus(name,
        up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING));
    serving.accept(true);
    return new CskpiServer(server, health, database, metrics, services,
        new DatabaseHealth(database.pool(), serving));
  }

  /** The port of the metrics endpoint; empty when none is served. */
  java.util.OptionalInt metricsPort() {
    return metrics.port();
  }

  /** The cskpi services as served (health and reflection aside). */
  List<ServerServiceDefinition> services() {
    return services;
  }

  DatabaseModule.Database database() {
    return database;
  }

  int port() {
    return server.getPort();
  }

  void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Health goes NOT_SERVING, new calls are refused, in-flight calls get up to 30 s to finish,
   * then the pool closes and the embedded database stops.
   */
  void stop() {
    LOG.info("stopping: health NOT_SERVING, draining in-flight calls");
    databaseHealth.close();
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(30, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    metrics.close();
    database.close();
    LOG.info("stopped");
  }
}
