package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.Customer;
import io.cskpi.domain.TenantId;

/** Lists a tenant's customers by id, a page at a time. */
public final class ListCustomers {

  private final CustomerRepository customers;
  private final TenantLookup lookup;

  public ListCustomers(CustomerRepository customers, TenantLookup lookup) {
    this.customers = customers;
    this.lookup = lookup;
  }

  public Page<Customer> list(TenantId tenant, PageRequest page) {
    lookup.require(tenant);
    return customers.list(tenant, page);
  }
}
