package io.cskpi.application;

import io.cskpi.domain.Segment;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.HealthScore;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/** One customer's health score as of a date, from the signals known then, with every measure's part. */
public final class GetCustomerHealth {

  /** The score of {@code customerId} as of the end of {@code asOf}. */
  public record CustomerHealth(String customerId, LocalDate asOf, HealthScore score) {}

  private final HealthBook book;

  GetCustomerHealth(HealthBook book) {
    this.book = book;
  }

  /** NOT_FOUND when the customer does not exist or was acquired after {@code asOf}. */
  public CustomerHealth get(TenantId tenantId, String customerId, Optional<LocalDate> asOf, OptionalInt version) {
    var query = new HealthQuery(tenantId, asOf, Segment.everyone(), version);
    Tenant tenant = book.tenant(query);
    HealthModel model = book.model(query);
    LocalDate date = book.asOf(tenant, asOf);
    var scored = book.score(tenant, model, date, Segment.everyone(), Optional.of(customerId));
    if (scored.isEmpty()) {
      throw CskpiException.notFound("CUSTOMER_NOT_FOUND", "customer \"" + customerId
          + "\" does not exist or was acquired after " + date, "customer");
    }
    return new CustomerHealth(customerId, date, scored.get(0).score());
  }
}
