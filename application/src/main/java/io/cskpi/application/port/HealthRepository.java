package io.cskpi.application.port;

import io.cskpi.domain.Segment;
import io.cskpi.domain.Signal;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.health.HealthModel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Pushed health signals, a tenant's health models, and customers' signal values as of a date. */
public interface HealthRepository {

  /** A customer and the values its signals had as of a date; a signal without a value is absent. */
  record CustomerSignals(String customerId, Map<String, Double> values) {}

  /**
   * Stores the signals whose ids are new, all in one transaction. Identical signals already stored
   * count as already recorded; a different signal under a stored id is ALREADY_EXISTS (reason
   * SIGNAL_ID_CONFLICT) and nothing is stored.
   */
  RecordOutcome recordSignals(TenantId tenant, List<Signal> signals);

  /** Those of {@code names} that have been pushed for at least one customer. */
  Set<String> pushedSignals(TenantId tenant, Collection<String> names);

  /** The model in force: the highest version stored; empty while the tenant has set none. */
  Optional<HealthModel> currentModel(TenantId tenant);

  Optional<HealthModel> model(TenantId tenant, int version);

  /**
   * Stores {@code model} as the next version (1 for the first) and returns it with that version;
   * a model with the definition of the one in force is not stored again: that one is returned
   * (a retried call).
   */
  HealthModel saveModel(TenantId tenant, HealthModel model);

  /**
   * The values of {@code signals} as of the end of the local date {@code asOf} in {@code zone}, for
   * every customer of the segment acquired before that end or never given an acquisition time,
   * ordered by customer id; only {@code customerId}'s when it is given. A pushed signal's value is
   * its latest observed before the end (ties by signal id); the built-in ones are derived as
   * {@link io.cskpi.domain.kpi.health.HealthSignals} says.
   */
  List<CustomerSignals> signalValues(TenantId tenant, ZoneId zone, LocalDate asOf, Collection<String> signals,
      Segment segment, Optional<String> customerId);
}
