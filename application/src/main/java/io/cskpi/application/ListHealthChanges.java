package io.cskpi.application;

import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.HealthScore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each customer's score as of a date against its score as of an earlier one, under the same model,
 * the largest drop first (or the largest rise); customers without a score on either date are left
 * out. Stable pages (see {@link HealthBook#page}).
 */
public final class ListHealthChanges {

  /** A customer's score on both dates and the change, now - before. */
  public record HealthChange(String customerId, LocalDate asOf, HealthScore now, LocalDate baseline,
      HealthScore before, double change) {}

  private final HealthBook book;

  ListHealthChanges(HealthBook book) {
    this.book = book;
  }

  public Page<HealthChange> list(HealthQuery query, LocalDate baseline, boolean risesFirst, PageRequest page) {
    Tenant tenant = book.tenant(query);
    HealthModel model = book.model(query);
    LocalDate date = book.asOf(tenant, query.asOf());
    if (!baseline.isBefore(date)) {
      throw CskpiException.invalid("baseline_date", "must be before the as-of date " + date);
    }
    Map<String, HealthScore> before = new HashMap<>();
    book.score(tenant, model, baseline, query.segment(), Optional.empty()).stream()
        .filter(s -> s.score().score().isPresent()).forEach(s -> before.put(s.customerId(), s.score()));
    List<HealthChange> changes = new ArrayList<>();
    for (var now : book.score(tenant, model, date, query.segment(), Optional.empty())) {
      HealthScore then = before.get(now.customerId());
      if (then != null && now.score().score().isPresent()) {
        changes.add(new HealthChange(now.customerId(), date, now.score(), baseline, then,
            now.score().score().getAsDouble() - then.score().getAsDouble()));
      }
    }
    String kind = String.join("|", "health-change", query.tenant().value(), date.toString(), baseline.toString(),
        String.valueOf(query.segment().hashCode()), String.valueOf(model.version()));
    return HealthBook.page(kind, changes, HealthChange::change, HealthChange::customerId, risesFirst, page);
  }
}
