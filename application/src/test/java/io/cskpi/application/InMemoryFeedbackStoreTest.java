package io.cskpi.application;

import io.cskpi.application.contract.FeedbackStoreContract;
import io.cskpi.application.fakes.InMemoryStore;

/** The feedback store contract held by the in-memory fakes. */
class InMemoryFeedbackStoreTest extends FeedbackStoreContract {

  @Override
  protected UseCases.Ports ports() {
    return InMemoryStore.ports();
  }
}
