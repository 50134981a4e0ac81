package io.cskpi.adapters.mysql;

import io.cskpi.application.UseCases;
import io.cskpi.application.contract.FeedbackStoreContract;

/** The feedback store contract held by the MySQL adapter, on a real MySQL-compatible server. */
class MySqlFeedbackStoreTest extends FeedbackStoreContract {

  @Override
  protected UseCases.Ports ports() {
    return MySqlStore.ports(TestDatabase.dataSource());
  }
}
