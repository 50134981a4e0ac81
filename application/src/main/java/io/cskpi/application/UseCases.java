package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.application.port.TenantRepository;
import java.time.Clock;

/** Every use case of the service, built on one set of ports. */
public record UseCases(CreateTenant createTenant, GetTenant getTenant, UpdateTenant updateTenant,
    UpsertCustomers upsertCustomers, RecordLifecycleEvents recordLifecycleEvents, GetCustomer getCustomer,
    ListCustomers listCustomers, RecordPurchases recordPurchases, ListPurchases listPurchases,
    ComputeChurnRate computeChurnRate, ComputeCustomerLifetimeValue computeCustomerLifetimeValue) {

  public static UseCases on(TenantRepository tenants, CustomerRepository customers, PurchaseRepository purchases,
      KpiStatistics statistics, Clock clock) {
    TenantLookup lookup = new TenantLookup(tenants);
    return new UseCases(new CreateTenant(tenants, clock), new GetTenant(lookup), new UpdateTenant(tenants, lookup),
        new UpsertCustomers(customers, lookup, clock), new RecordLifecycleEvents(customers, lookup),
        new GetCustomer(customers, lookup), new ListCustomers(customers, lookup),
        new RecordPurchases(purchases, customers, lookup), new ListPurchases(purchases, lookup),
        new ComputeChurnRate(statistics, lookup, customers),
        new ComputeCustomerLifetimeValue(statistics, lookup, customers));
  }
}
