package io.cskpi.application.port;

import io.cskpi.domain.Customer;
import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Customers and their pushed lifecycle events. */
public interface CustomerRepository {

  /** Creates or replaces the customers, all in one transaction. */
  UpsertOutcome upsert(TenantId tenant, List<Customer> customers);

  /** The customers among {@code customerIds} that exist, by id. */
  Map<String, Customer> findAll(TenantId tenant, Collection<String> customerIds);

  /** The keys among {@code keys} that at least one customer of the tenant has as an attribute. */
  Set<String> knownAttributeKeys(TenantId tenant, Collection<String> keys);

  /** Customers ordered by id. */
  Page<Customer> list(TenantId tenant, PageRequest page);

  /** The earliest stored lifecycle event of each of the customers that has one. */
  Map<String, Instant> earliestEvents(TenantId tenant, Collection<String> customerIds);

  /** Stores the events that are not stored yet, all in one transaction. */
  RecordOutcome recordEvents(TenantId tenant, List<LifecycleEvent> events);
}
