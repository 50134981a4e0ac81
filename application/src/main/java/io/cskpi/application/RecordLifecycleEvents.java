package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Customer;
import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records churn and reactivation events of existing customers, none before the customer's
 * acquisition. Re-sending stored events changes nothing.
 */
public final class RecordLifecycleEvents {

  private final CustomerRepository customers;
  private final TenantLookup lookup;

  public RecordLifecycleEvents(CustomerRepository customers, TenantLookup lookup) {
    this.customers = customers;
    this.lookup = lookup;
  }

  public RecordOutcome record(TenantId tenant, List<LifecycleEvent> events) {
    Batches.check("events", events, e -> e.customerId() + "\u0000" + e.type() + "\u0000" + e.time(), "event_time");
    lookup.require(tenant);
    Map<String, Customer> known = KnownCustomers.require(customers, tenant, "events", events,
        LifecycleEvent::customerId);
    List<FieldViolation> early = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      LifecycleEvent event = events.get(i);
      Customer customer = known.get(event.customerId());
      if (customer.acquireTime() != null && event.time().isBefore(customer.acquireTime())) {
        early.add(new FieldViolation("events[" + i + "].event_time",
            "is before the customer's acquisition at " + customer.acquireTime()));
      }
    }
    if (!early.isEmpty()) {
      throw CskpiException.invalid(early);
    }
    return customers.recordEvents(tenant, events);
  }
}
