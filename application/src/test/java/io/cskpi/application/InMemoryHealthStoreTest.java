package io.cskpi.application;

import io.cskpi.application.contract.HealthStoreContract;
import io.cskpi.application.fakes.InMemoryStore;

/** The health store contract held by the in-memory fakes. */
class InMemoryHealthStoreTest extends HealthStoreContract {

  @Override
  protected UseCases.Ports ports() {
    return InMemoryStore.ports();
  }
}
