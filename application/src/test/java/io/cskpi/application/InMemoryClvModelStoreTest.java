package io.cskpi.application;

import io.cskpi.application.contract.ClvModelStoreContract;
import io.cskpi.application.fakes.InMemoryStore;

/** The predictive-CLV store contract held by the in-memory fakes. */
class InMemoryClvModelStoreTest extends ClvModelStoreContract {

  @Override
  protected UseCases.Ports ports() {
    return InMemoryStore.ports();
  }
}
