package io.cskpi.adapters.mysql;

import io.cskpi.application.UseCases;
import java.time.Clock;
import javax.sql.DataSource;

/** Every outbound port on one MySQL database. */
public final class MySqlStore {

  private MySqlStore() {}

  public static UseCases.Ports ports(DataSource dataSource) {
    return new UseCases.Ports(new MySqlTenantRepository(dataSource), new MySqlCustomerRepository(dataSource),
        new MySqlPurchaseRepository(dataSource), new MySqlSurveyRepository(dataSource),
        new MySqlExpenseRepository(dataSource),
        new MySqlKpiStatistics(dataSource), new MySqlClvModelRepository(dataSource),
        new MySqlHealthRepository(dataSource, Clock.systemUTC()), new MySqlFeedbackRepository(dataSource),
        new MySqlRequestLog(dataSource));
  }
}
