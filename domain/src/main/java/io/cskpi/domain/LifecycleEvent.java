package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;

/** A churn or a reactivation of a customer, pushed by a client (the lifecycle churn policy). */
public record LifecycleEvent(String customerId, Type type, Instant time) {

  /** What happened. The acquisition is the customer's acquire time, not an event. */
  public enum Type { CHURNED, REACTIVATED }

  public LifecycleEvent {
    Identifiers.recordId("customer_id", customerId);
    if (type == null) {
      throw CskpiException.invalid("type", "must be CHURNED or REACTIVATED");
    }
    time = Instants.check("event_time", time);
  }
}
