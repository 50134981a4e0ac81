package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.UpsertOutcome;
import io.cskpi.domain.Customer;
import io.cskpi.domain.TenantId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Creates or replaces a batch of customers by their client-given ids: all or nothing. */
public final class UpsertCustomers {

  private final CustomerRepository customers;
  private final TenantLookup lookup;
  private final Clock clock;

  public UpsertCustomers(CustomerRepository customers, TenantLookup lookup, Clock clock) {
    this.customers = customers;
    this.lookup = lookup;
    this.clock = clock;
  }

  public UpsertOutcome upsert(TenantId tenant, List<Customer> batch) {
    Batches.check("customers", batch, Customer::customerId, "customer_id");
    lookup.require(tenant);
    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return customers.upsert(tenant, batch.stream()
        .map(c -> new Customer(c.customerId(), c.acquireTime(), c.attributes(), now)).toList());
  }
}
