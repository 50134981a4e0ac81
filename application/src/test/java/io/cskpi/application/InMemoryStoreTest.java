package io.cskpi.application;

import io.cskpi.application.contract.StoreContract;
import io.cskpi.application.fakes.InMemoryStore;

/** The store contract held by the in-memory fakes the use-case tests run on. */
class InMemoryStoreTest extends StoreContract {

  @Override
  protected UseCases.Ports ports() {
    return InMemoryStore.ports();
  }
}
