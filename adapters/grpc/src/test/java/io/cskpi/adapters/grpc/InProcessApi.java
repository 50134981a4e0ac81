package io.cskpi.adapters.grpc;

import io.cskpi.application.ComputeChurnRate;
import io.cskpi.application.ComputeCustomerLifetimeValue;
import io.cskpi.application.CreateTenant;
import io.cskpi.application.GetCustomer;
import io.cskpi.application.GetTenant;
import io.cskpi.application.ListCustomers;
import io.cskpi.application.ListPurchases;
import io.cskpi.application.RecordLifecycleEvents;
import io.cskpi.application.RecordPurchases;
import io.cskpi.application.TenantLookup;
import io.cskpi.application.UpdateTenant;
import io.cskpi.application.UpsertCustomers;
import io.cskpi.application.fakes.InMemoryCustomerRepository;
import io.cskpi.application.fakes.InMemoryData;
import io.cskpi.application.fakes.InMemoryKpiStatistics;
import io.cskpi.application.fakes.InMemoryPurchaseRepository;
import io.cskpi.application.fakes.InMemoryTenantRepository;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Clock;

/** The gRPC services on the in-memory fakes, behind an in-process server, with real stubs. */
final class InProcessApi implements AutoCloseable {

  final TenantServiceGrpc.TenantServiceBlockingStub tenants;
  final CustomerServiceGrpc.CustomerServiceBlockingStub customers;
  final PurchaseServiceGrpc.PurchaseServiceBlockingStub purchases;
  final KpiServiceGrpc.KpiServiceBlockingStub kpis;
  private final Server server;
  private final ManagedChannel channel;

  InProcessApi() throws IOException {
    InMemoryData data = new InMemoryData();
    var tenantRepository = new InMemoryTenantRepository(data);
    var customerRepository = new InMemoryCustomerRepository(data);
    var purchaseRepository = new InMemoryPurchaseRepository(data);
    var statistics = new InMemoryKpiStatistics(data);
    var lookup = new TenantLookup(tenantRepository);
    Clock clock = Clock.systemUTC();
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new TenantGrpcService(new CreateTenant(tenantRepository, clock), new GetTenant(lookup),
            new UpdateTenant(tenantRepository, lookup)))
        .addService(new CustomerGrpcService(new UpsertCustomers(customerRepository, lookup, clock),
            new RecordLifecycleEvents(customerRepository, lookup), new GetCustomer(customerRepository, lookup),
            new ListCustomers(customerRepository, lookup)))
        .addService(new PurchaseGrpcService(new RecordPurchases(purchaseRepository, customerRepository, lookup),
            new ListPurchases(purchaseRepository, lookup)))
        .addService(new KpiGrpcService(new ComputeChurnRate(statistics, lookup),
            new ComputeCustomerLifetimeValue(statistics, lookup)))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    tenants = TenantServiceGrpc.newBlockingStub(channel);
    customers = CustomerServiceGrpc.newBlockingStub(channel);
    purchases = PurchaseServiceGrpc.newBlockingStub(channel);
    kpis = KpiServiceGrpc.newBlockingStub(channel);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
  }
}
