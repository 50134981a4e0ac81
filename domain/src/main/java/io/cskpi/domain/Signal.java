package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.health.HealthSignals;
import java.time.Instant;

/**
 * A number a client pushes about a customer at a time (logins per week, open tickets, seats used),
 * identified in its tenant by the client-given signal id; health measures read its latest value.
 */
public record Signal(String signalId, String customerId, String name, Instant time, double value) {

  public Signal {
    Identifiers.recordId("signal_id", signalId);
    Identifiers.recordId("customer_id", customerId);
    if (name == null || !HealthSignals.isValidName(name)) {
      throw CskpiException.invalid("name", "must be 1-64 lower-case letters, digits or '_', starting with a letter");
    }
    if (HealthSignals.isBuiltIn(name)) {
      throw CskpiException.invalid("name", "\"" + name + "\" is a built-in signal, derived by the service");
    }
    time = Instants.check("time", time);
    value += 0.0; // -0.0 is 0, as the database stores it
    if (!Double.isFinite(value)) {
      throw CskpiException.invalid("value", "must be a finite number");
    }
  }
}
