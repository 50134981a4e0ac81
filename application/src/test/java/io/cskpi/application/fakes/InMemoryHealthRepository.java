package io.cskpi.application.fakes;

import io.cskpi.application.port.HealthRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Customer;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Signal;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.HealthSignals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@link HealthRepository} in memory: the signal values derived row by row, as a reference for the SQL. */
public final class InMemoryHealthRepository implements HealthRepository {

  private final InMemoryData data;
  private final Map<TenantId, Map<String, Signal>> signals = new HashMap<>();
  private final Map<TenantId, TreeMap<Integer, HealthModel>> models = new HashMap<>();

  InMemoryHealthRepository(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized RecordOutcome recordSignals(TenantId tenant, List<Signal> batch) {
    Map<String, Signal> stored = signals.computeIfAbsent(tenant, t -> new HashMap<>());
    RecordOutcome outcome = RecordOutcome.against(stored, batch, Signal::signalId, Signal::equals, "signals",
        "signal_id", "SIGNAL_ID_CONFLICT");
    batch.forEach(s -> stored.putIfAbsent(s.signalId(), s));
    return outcome;
  }

  @Override
  public synchronized Set<String> pushedSignals(TenantId tenant, Collection<String> names) {
    return signals.getOrDefault(tenant, Map.of()).values().stream().map(Signal::name).filter(names::contains)
        .collect(Collectors.toSet());
  }

  @Override
  public synchronized Optional<HealthModel> currentModel(TenantId tenant) {
    var versions = models.getOrDefault(tenant, new TreeMap<>());
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
  }

  @Override
  public synchronized Optional<HealthModel> model(TenantId tenant, int version) {
    return Optional.ofNullable(models.getOrDefault(tenant, new TreeMap<>()).get(version));
  }

  @Override
  public synchronized HealthModel saveModel(TenantId tenant, HealthModel model) {
    Optional<HealthModel> current = currentModel(tenant);
    if (current.isPresent() && current.get().sameDefinition(model)) {
      return current.get();
    }
    int version = current.map(HealthModel::version).orElse(0) + 1;
    HealthModel stored = new HealthModel(version, model.measures(), model.bands());
    models.computeIfAbsent(tenant, t -> new TreeMap<>()).put(version, stored);
    return stored;
  }

  @Override
  public synchronized List<CustomerSignals> signalValues(TenantId tenant, ZoneId zone, LocalDate asOf,
      Collection<String> names, Segment segment, Optional<String> customerId) {
    Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
    List<CustomerSignals> result = new ArrayList<>();
    for (Customer customer : data.customers(tenant).values()) {
      if ((customer.acquireTime() != null && !customer.acquireTime().isBefore(end))
          || !segment.contains(customer.attributes())
          || customerId.map(id -> !id.equals(customer.customerId())).orElse(false)) {
        continue;
      }
      Map<String, Double> values = new HashMap<>();
      for (String name : names) {
        value(tenant, customer.customerId(), name, zone, asOf, end).ifPresent(v -> values.put(name, v));
      }
      result.add(new CustomerSignals(customer.customerId(), values));
    }
    return result;
  }

  private Optional<Double> value(TenantId tenant, String customerId, String name, ZoneId zone, LocalDate asOf,
      Instant end) {
    List<Purchase> purchases = data.purchaseList(tenant).stream().filter(p -> p.customerId().equals(customerId)
        && !p.isRefund() && p.time().isBefore(end)).toList();
    return switch (name) {
      case HealthSignals.DAYS_SINCE_LAST_PURCHASE -> purchases.stream().map(Purchase::time).max(Comparator.naturalOrder())
          .map(last -> (double) ChronoUnit.DAYS.between(LocalDate.ofInstant(last, zone), asOf));
      case HealthSignals.PURCHASES_LAST_90_DAYS -> purchases.isEmpty() ? Optional.empty()
          : Optional.of((double) purchases.stream().filter(p -> !p.time().isBefore(end.minus(Duration.ofDays(90))))
              .count());
      case HealthSignals.LATEST_NPS -> latestResponse(tenant, customerId, Survey.Kind.NPS, end)
          .map(r -> (double) r.score());
      case HealthSignals.LATEST_CSAT_SHARE -> latestResponse(tenant, customerId, Survey.Kind.CSAT, end).map(r -> {
        var scale = data.surveys(tenant).get(r.surveyId()).scale();
        return (double) (r.score() - scale.min()) / (scale.max() - scale.min());
      });
      default -> signals.getOrDefault(tenant, Map.of()).values().stream()
          .filter(s -> s.customerId().equals(customerId) && s.name().equals(name) && s.time().isBefore(end))
          .max(Comparator.comparing(Signal::time).thenComparing(Signal::signalId)).map(Signal::value);
    };
  }

  private Optional<SurveyResponse> latestResponse(TenantId tenant, String customerId, Survey.Kind kind, Instant end) {
    return data.responses(tenant).values().stream().filter(r -> r.customerId().equals(customerId)
            && r.score() != null && r.time().isBefore(end) && data.surveys(tenant).get(r.surveyId()).kind() == kind)
        .max(Comparator.comparing(SurveyResponse::time).thenComparing(SurveyResponse::responseId));
  }
}
