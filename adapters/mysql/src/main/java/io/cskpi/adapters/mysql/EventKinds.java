package io.cskpi.adapters.mysql;

import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.kpi.Lifecycle;

/** The lifecycle event codes stored in lifecycle_events.kind, the domain's {@link Lifecycle.Kind} codes. */
final class EventKinds {

  private EventKinds() {}

  static int code(LifecycleEvent.Type type) {
    return type == LifecycleEvent.Type.CHURNED ? Lifecycle.Kind.CHURNED.code : Lifecycle.Kind.REACTIVATED.code;
  }
}
