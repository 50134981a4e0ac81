package io.cskpi.application.fakes;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.application.port.UpsertOutcome;
import io.cskpi.domain.Customer;
import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link CustomerRepository} in memory; page tokens are "after:" and the last id of the page. */
public final class InMemoryCustomerRepository implements CustomerRepository {

  private final InMemoryData data;

  public InMemoryCustomerRepository(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized UpsertOutcome upsert(TenantId tenant, List<Customer> customers) {
    int created = 0;
    for (Customer customer : customers) {
      created += data.customers(tenant).put(customer.customerId(), customer) == null ? 1 : 0;
    }
    return new UpsertOutcome(created, customers.size() - created);
  }

  @Override
  public synchronized Map<String, Customer> findAll(TenantId tenant, Collection<String> customerIds) {
    Map<String, Customer> found = new HashMap<>();
    customerIds.forEach(id -> {
      Customer customer = data.customers(tenant).get(id);
      if (customer != null) {
        found.put(id, customer);
      }
    });
    return found;
  }

  @Override
  public synchronized Set<String> knownAttributeKeys(TenantId tenant, Collection<String> keys) {
    Set<String> known = new HashSet<>();
    data.customers(tenant).values().forEach(c -> c.attributes().keySet().stream().filter(keys::contains)
        .forEach(known::add));
    return known;
  }

  @Override
  public synchronized Page<Customer> list(TenantId tenant, PageRequest page) {
    if (!page.token().isEmpty() && !page.token().startsWith("after:")) {
      throw CskpiException.invalid("page_token", "is not a token this list returned");
    }
    var rest = page.token().isEmpty() ? data.customers(tenant)
        : data.customers(tenant).tailMap(page.token().substring("after:".length()), false);
    List<Customer> items = rest.values().stream().limit(page.size()).toList();
    boolean more = rest.size() > items.size();
    return new Page<>(items, more ? "after:" + items.get(items.size() - 1).customerId() : "");
  }

  @Override
  public synchronized Map<String, Instant> earliestEvents(TenantId tenant, Collection<String> customerIds) {
    Map<String, Instant> earliest = new HashMap<>();
    data.events(tenant).stream().filter(e -> customerIds.contains(e.customerId()))
        .forEach(e -> earliest.merge(e.customerId(), e.time(), (a, b) -> a.isBefore(b) ? a : b));
    return earliest;
  }

  @Override
  public synchronized RecordOutcome recordEvents(TenantId tenant, List<LifecycleEvent> events) {
    int recorded = 0;
    for (LifecycleEvent event : events) {
      recorded += data.events(tenant).add(event) ? 1 : 0;
    }
    return new RecordOutcome(recorded, events.size() - recorded);
  }
}
