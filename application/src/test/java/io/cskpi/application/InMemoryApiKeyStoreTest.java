package io.cskpi.application;

import io.cskpi.application.contract.ApiKeyStoreContract;
import io.cskpi.application.fakes.InMemoryApiKeyRepository;
import io.cskpi.application.port.ApiKeyRepository;

/** The API key contract held by the in-memory fake. */
class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {

  @Override
  protected ApiKeyRepository repository() {
    return new InMemoryApiKeyRepository();
  }
}
