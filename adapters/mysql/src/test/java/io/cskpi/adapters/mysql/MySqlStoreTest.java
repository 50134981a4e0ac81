package io.cskpi.adapters.mysql;

import io.cskpi.application.UseCases;
import io.cskpi.application.contract.StoreContract;
import javax.sql.DataSource;

/** The store contract held by the MySQL adapters, on a real MySQL-compatible server. */
class MySqlStoreTest extends StoreContract {

  @Override
  protected UseCases.Ports ports() {
    return MySqlStore.ports(TestDatabase.dataSource());
  }
}
