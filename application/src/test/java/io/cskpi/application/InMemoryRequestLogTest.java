package io.cskpi.application;

import io.cskpi.application.contract.RequestLogContract;
import io.cskpi.application.fakes.InMemoryStore;

/** The request log contract held by the in-memory fake. */
class InMemoryRequestLogTest extends RequestLogContract {

  @Override
  protected UseCases.Ports ports() {
    return InMemoryStore.ports();
  }
}
