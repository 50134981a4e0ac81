package io.cskpi.application;

import io.cskpi.application.contract.Ports;
import io.cskpi.application.contract.StoreContract;
import io.cskpi.application.fakes.InMemoryData;
import io.cskpi.application.fakes.InMemoryCustomerRepository;
import io.cskpi.application.fakes.InMemoryKpiStatistics;
import io.cskpi.application.fakes.InMemoryPurchaseRepository;
import io.cskpi.application.fakes.InMemoryTenantRepository;

/** The store contract held by the in-memory fakes the use-case tests run on. */
class InMemoryStoreTest extends StoreContract {

  static Ports inMemoryPorts() {
    InMemoryData data = new InMemoryData();
    return new Ports(new InMemoryTenantRepository(data), new InMemoryCustomerRepository(data),
        new InMemoryPurchaseRepository(data), new InMemoryKpiStatistics(data));
  }

  @Override
  protected Ports ports() {
    return inMemoryPorts();
  }
}
