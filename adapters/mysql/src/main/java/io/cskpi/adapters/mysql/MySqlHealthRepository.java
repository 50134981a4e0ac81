package io.cskpi.adapters.mysql;

import io.cskpi.application.port.HealthRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Signal;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.health.HealthModel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.sql.DataSource;

/** {@link HealthRepository} on MySQL. */
public final class MySqlHealthRepository implements HealthRepository {

  private static final String COLUMNS = "signal_id, customer_id, name, observed_at, value";

  private final Jdbc jdbc;
  private final Clock clock;

  public MySqlHealthRepository(DataSource dataSource, Clock clock) {
    this.jdbc = new Jdbc(dataSource);
    this.clock = clock;
  }

  @Override
  public RecordOutcome recordSignals(TenantId tenant, List<Signal> signals) {
    List<String> ids = signals.stream().map(Signal::signalId).toList();
    return jdbc.inTransaction(connection -> {
      Map<String, Signal> stored = new HashMap<>();
      try (PreparedStatement select = new Sql().add("SELECT " + COLUMNS + " FROM signals WHERE tenant_id = ?"
          + " AND signal_id", tenant.value()).in(ids).prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Signal signal = new Signal(rows.getString("signal_id"), rows.getString("customer_id"), rows.getString("name"),
              Jdbc.instant(rows, "observed_at"), rows.getDouble("value"));
          stored.put(signal.signalId(), signal);
        }
      }
      RecordOutcome outcome = RecordOutcome.against(stored, signals, Signal::signalId, Signal::equals, "signals",
          "signal_id", "SIGNAL_ID_CONFLICT");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO signals (tenant_id, " + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Signal signal : signals) {
          if (!stored.containsKey(signal.signalId())) {
            new Sql().add("", tenant.value(), signal.signalId(), signal.customerId(), signal.name(), signal.time(),
                signal.value()).bind(insert);
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      return outcome;
    });
  }

  @Override
  public Set<String> pushedSignals(TenantId tenant, Collection<String> names) {
    if (names.isEmpty()) {
      return Set.of();
    }
    Sql sql = new Sql().add("SELECT DISTINCT name FROM signals WHERE tenant_id = ? AND name", tenant.value()).in(names);
    return jdbc.read(connection -> {
      Set<String> found = new HashSet<>();
      try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return found;
    });
  }

  @Override
  public Optional<HealthModel> currentModel(TenantId tenant) {
    return jdbc.read(connection -> {
      OptionalInt version = HealthModelRows.currentVersion(connection, tenant);
      return version.isEmpty() ? Optional.<HealthModel>empty()
          : HealthModelRows.find(connection, tenant, version.getAsInt());
    });
  }

  @Override
  public Optional<HealthModel> model(TenantId tenant, int version) {
    return jdbc.read(connection -> HealthModelRows.find(connection, tenant, version));
  }

  /** Two concurrent saves may pick the same version: the second fails on the key and is run again. */
  @Override
  public HealthModel saveModel(TenantId tenant, HealthModel model) {
    return jdbc.inTransaction(connection -> {
      OptionalInt current = HealthModelRows.currentVersion(connection, tenant);
      if (current.isPresent()) {
        HealthModel inForce = HealthModelRows.find(connection, tenant, current.getAsInt()).orElseThrow();
        if (inForce.sameDefinition(model)) {
          return inForce;
        }
      }
      HealthModel stored = new HealthModel(current.orElse(0) + 1, model.measures(), model.bands());
      HealthModelRows.insert(connection, tenant, stored, clock.instant());
      return stored;
    });
  }

  @Override
  public List<CustomerSignals> signalValues(TenantId tenant, ZoneId zone, LocalDate asOf, Collection<String> signals,
      Segment segment, Optional<String> customerId) {
    return jdbc.read(connection -> HealthSignalValues.read(connection, tenant, zone, asOf, signals, segment,
        customerId));
  }
}
