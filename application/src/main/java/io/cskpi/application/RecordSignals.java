package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.HealthRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Signal;
import io.cskpi.domain.TenantId;
import java.util.List;

/** Records a batch of pushed health signals of existing customers: all or nothing, idempotent by signal id. */
public final class RecordSignals {

  private final HealthRepository health;
  private final CustomerRepository customers;
  private final TenantLookup lookup;

  public RecordSignals(HealthRepository health, CustomerRepository customers, TenantLookup lookup) {
    this.health = health;
    this.customers = customers;
    this.lookup = lookup;
  }

  public RecordOutcome record(TenantId tenant, List<Signal> batch) {
    Batches.check("signals", batch, Signal::signalId, "signal_id");
    lookup.require(tenant);
    KnownCustomers.require(customers, tenant, "signals", batch, Signal::customerId);
    return health.recordSignals(tenant, batch);
  }
}
