package io.cskpi.adapters.mysql;

import io.cskpi.application.contract.Ports;
import io.cskpi.application.contract.StoreContract;
import javax.sql.DataSource;

/** The store contract held by the MySQL adapters, on a real MySQL-compatible server. */
class MySqlStoreTest extends StoreContract {

  @Override
  protected Ports ports() {
    DataSource dataSource = TestDatabase.dataSource();
    return new Ports(new MySqlTenantRepository(dataSource), new MySqlCustomerRepository(dataSource),
        new MySqlPurchaseRepository(dataSource), new MySqlKpiStatistics(dataSource));
  }
}
