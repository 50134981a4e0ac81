package io.cskpi.adapters.mysql;

import io.cskpi.application.contract.ApiKeyStoreContract;
import io.cskpi.application.port.ApiKeyRepository;

/** The API key contract held by the MySQL adapter, on a real MySQL-compatible server. */
class MySqlApiKeyStoreTest extends ApiKeyStoreContract {

  @Override
  protected ApiKeyRepository repository() {
    return new MySqlApiKeyRepository(TestDatabase.dataSource());
  }
}
