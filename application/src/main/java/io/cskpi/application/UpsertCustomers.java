package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.UpsertOutcome;
import io.cskpi.domain.Customer;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Creates or replaces a batch of customers by their client-given ids: all or nothing. An
 * acquisition never moves after the customer's recorded lifecycle events.
 */
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
    Map<String, Instant> earliest = customers.earliestEvents(tenant, batch.stream().map(Customer::customerId).toList());
    List<FieldViolation> late = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Instant acquired = batch.get(i).acquireTime();
      Instant event = earliest.get(batch.get(i).customerId());
      if (acquired != null && event != null && event.isBefore(acquired)) {
        late.add(new FieldViolation("customers[" + i + "].acquire_time",
            "is after the customer's lifecycle event at " + event));
      }
    }
    if (!late.isEmpty()) {
      throw CskpiException.invalid(late);
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return customers.upsert(tenant, batch.stream()
        .map(c -> new Customer(c.customerId(), c.acquireTime(), c.attributes(), now)).toList());
  }
}
