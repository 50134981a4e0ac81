package io.cskpi.adapters.mysql;

import io.cskpi.application.UseCases;
import io.cskpi.application.contract.ClvModelStoreContract;

/** The predictive-CLV store contract held by the MySQL adapter, on a real MySQL-compatible server. */
class MySqlClvModelStoreTest extends ClvModelStoreContract {

  @Override
  protected UseCases.Ports ports() {
    return MySqlStore.ports(TestDatabase.dataSource());
  }
}
