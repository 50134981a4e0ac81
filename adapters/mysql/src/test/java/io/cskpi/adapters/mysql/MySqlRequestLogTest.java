package io.cskpi.adapters.mysql;

import io.cskpi.application.UseCases;
import io.cskpi.application.contract.RequestLogContract;

/** The request log contract on the MySQL test database. */
class MySqlRequestLogTest extends RequestLogContract {

  @Override
  protected UseCases.Ports ports() {
    return MySqlStore.ports(TestDatabase.dataSource());
  }
}
