package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.HealthRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.HealthScore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A tenant's book of customers scored as of a date: the model, every customer's signal values
 * from the store (computed there, per customer, in one pass per signal kind) and the scores.
 */
final class HealthBook {

  /** One customer's score as of a date. */
  record Scored(String customerId, HealthScore score) {}

  private final HealthRepository health;
  private final CustomerRepository customers;
  private final TenantLookup lookup;
  private final GetHealthModel models;
  private final Clock clock;

  HealthBook(HealthRepository health, CustomerRepository customers, TenantLookup lookup, Clock clock) {
    this.health = health;
    this.customers = customers;
    this.lookup = lookup;
    this.models = new GetHealthModel(health, lookup);
    this.clock = clock;
  }

  Tenant tenant(HealthQuery query) {
    Tenant tenant = lookup.require(query.tenant());
    KpiScope.requireKnownAttributes(query.tenant(), query.segment(), customers);
    return tenant;
  }

  HealthModel model(HealthQuery query) {
    return models.get(query.tenant(), query.modelVersion());
  }

  LocalDate asOf(Tenant tenant, Optional<LocalDate> asOf) {
    return asOf.orElseGet(() -> LocalDate.now(clock.withZone(tenant.timeZone())));
  }

  /** Every customer of the query's segment in the book on {@code date}, scored, by customer id. */
  List<Scored> score(Tenant tenant, HealthModel model, LocalDate date, Segment segment, Optional<String> customerId) {
    List<Scored> scored = new ArrayList<>();
    for (var values : health.signalValues(tenant.id(), tenant.timeZone(), date, model.signals(), segment, customerId)) {
      scored.add(new Scored(values.customerId(), model.score(values.values())));
    }
    return scored;
  }

  /**
   * One page of {@code items} in the order of (key, customer id), the key lowest first or highest
   * first, after the (key, customer id) of {@code page}'s token; the next token holds the last
   * item's. So pages of the same list neither repeat nor skip an item. {@code kind} names the list
   * and the query (date, filters, model version): a token of another query is refused.
   */
  static <T> Page<T> page(String kind, List<T> items, ToDoubleFunction<T> key, Function<T, String> customerId,
      boolean highestFirst, PageRequest page) {
    String tokenKind = kind + (highestFirst ? "-desc" : "-asc");
    Comparator<Position> order = Comparator.comparingDouble(Position::key);
    if (highestFirst) {
      order = order.reversed();
    }
    Comparator<Position> byPosition = order.thenComparing(Position::customerId);
    Optional<Position> after = readToken(tokenKind, page.token());
    List<T> chosen = items.stream()
        .filter(item -> after.map(a -> byPosition.compare(position(item, key, customerId), a) > 0).orElse(true))
        .sorted((x, y) -> byPosition.compare(position(x, key, customerId), position(y, key, customerId)))
        .limit(page.size() + 1L).toList();
    if (chosen.size() <= page.size()) {
      return new Page<>(chosen, "");
    }
    List<T> shown = chosen.subList(0, page.size());
    Position last = position(shown.get(shown.size() - 1), key, customerId);
    return new Page<>(shown, Base64.getUrlEncoder().withoutPadding().encodeToString(
        (tokenKind + "\n" + last.key() + "\n" + last.customerId()).getBytes(StandardCharsets.UTF_8)));
  }

  private record Position(double key, String customerId) {}

  private static <T> Position position(T item, ToDoubleFunction<T> key, Function<T, String> customerId) {
    return new Position(key.applyAsDouble(item), customerId.apply(item));
  }

  private static Optional<Position> readToken(String kind, String token) {
    if (token.isEmpty()) {
      return Optional.empty();
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
      if (parts.length == 3 && parts[0].equals(kind)) {
        return Optional.of(new Position(Double.parseDouble(parts[1]), parts[2]));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal
    }
    throw CskpiException.invalid("page_token", "is not a token this list returned");
  }
}
