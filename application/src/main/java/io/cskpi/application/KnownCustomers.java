package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.domain.Customer;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The customers a batch names, all of which must exist (NOT_FOUND naming each record otherwise). */
final class KnownCustomers {

  private KnownCustomers() {}

  /** The batch's customers by id; {@code field[i].customer_id} for every record naming an unknown one. */
  static <T> Map<String, Customer> require(CustomerRepository customers, TenantId tenant, String field,
      List<T> batch, Function<T, String> customerId) {
    Map<String, Customer> known = customers.findAll(tenant, batch.stream().map(customerId).distinct().toList());
    List<FieldViolation> unknown = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      String id = customerId.apply(batch.get(i));
      if (!known.containsKey(id)) {
        unknown.add(new FieldViolation(field + "[" + i + "].customer_id", "customer \"" + id + "\" does not exist"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new CskpiException(CskpiException.Kind.NOT_FOUND, "CUSTOMER_NOT_FOUND",
          unknown.size() + " records name customers that do not exist, first: " + unknown.get(0).description(),
          unknown);
    }
    return known;
  }
}
