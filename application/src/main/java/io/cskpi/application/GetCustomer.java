package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.domain.Customer;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.util.List;

/** Reads one customer. */
public final class GetCustomer {

  private final CustomerRepository customers;
  private final TenantLookup lookup;

  public GetCustomer(CustomerRepository customers, TenantLookup lookup) {
    this.customers = customers;
    this.lookup = lookup;
  }

  public Customer get(TenantId tenant, String customerId) {
    lookup.require(tenant);
    Customer customer = customers.findAll(tenant, List.of(customerId)).get(customerId);
    if (customer == null) {
      throw CskpiException.notFound("CUSTOMER_NOT_FOUND",
          "customer \"" + customerId + "\" does not exist", "name");
    }
    return customer;
  }
}
