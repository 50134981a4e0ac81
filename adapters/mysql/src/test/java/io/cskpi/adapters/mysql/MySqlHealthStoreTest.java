package io.cskpi.adapters.mysql;

import io.cskpi.application.UseCases;
import io.cskpi.application.contract.HealthStoreContract;

/** The health store contract held by the MySQL adapter, on a real MySQL-compatible server. */
class MySqlHealthStoreTest extends HealthStoreContract {

  @Override
  protected UseCases.Ports ports() {
    return MySqlStore.ports(TestDatabase.dataSource());
  }
}
