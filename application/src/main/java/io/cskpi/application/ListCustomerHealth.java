package io.cskpi.application;

import io.cskpi.application.GetCustomerHealth.CustomerHealth;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.health.HealthModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The scored customers of a segment as of a date, lowest score first (or highest), optionally of
 * one band; ties by customer id; stable pages (see {@link HealthBook#page}).
 */
public final class ListCustomerHealth {

  private final HealthBook book;

  ListCustomerHealth(HealthBook book) {
    this.book = book;
  }

  public Page<CustomerHealth> list(HealthQuery query, boolean highestFirst, Optional<String> band,
      PageRequest page) {
    Tenant tenant = book.tenant(query);
    HealthModel model = book.model(query);
    if (band.isPresent() && !model.bands().names().contains(band.get())) {
      throw CskpiException.invalid("band", "must be one of the model's bands " + model.bands().names());
    }
    LocalDate date = book.asOf(tenant, query.asOf());
    List<CustomerHealth> scored = book.score(tenant, model, date, query.segment(), Optional.empty()).stream()
        .filter(s -> s.score().score().isPresent() && band.map(b -> b.equals(s.score().band().get())).orElse(true))
        .map(s -> new CustomerHealth(s.customerId(), date, s.score())).toList();
    String kind = String.join("|", "health", query.tenant().value(), date.toString(), band.orElse(""),
        String.valueOf(query.segment().hashCode()), String.valueOf(model.version()));
    return HealthBook.page(kind, scored, h -> h.score().score().getAsDouble(), CustomerHealth::customerId,
        highestFirst, page);
  }
}
