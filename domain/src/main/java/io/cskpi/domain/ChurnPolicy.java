package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;

/** How a tenant's customers churn: pushed lifecycle events, or inactivity after N days. */
public sealed interface ChurnPolicy {

  int MAX_INACTIVITY_DAYS = 3650;

  /** Contractual business: acquisition on the customer, churn and reactivation pushed as events. */
  record LifecycleEvents() implements ChurnPolicy {}

  /**
   * Non-contractual business: acquired at the first purchase, churned {@code days} days after a
   * purchase that no other purchase follows within {@code days} days, reactivated by the next one.
   */
  record Inactivity(int days) implements ChurnPolicy {
    public Inactivity {
      if (days < 1 || days > MAX_INACTIVITY_DAYS) {
        throw CskpiException.invalid("churn_rule.inactivity.days",
            "must be 1 to " + MAX_INACTIVITY_DAYS + " days, was " + days);
      }
    }
  }
}
