package io.cskpi.adapters.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool and the schema migration of the MySQL store. */
public final class MySqlDatabase {

  private MySqlDatabase() {}

  /**
   * A pool on {@code jdbcUrl} (jdbc:mysql://host:port/database), with every session in UTC,
   * utf8mb4 and strict SQL mode. Connections wait at most {@code connectionTimeoutMillis}.
   */
  public static HikariDataSource pool(String jdbcUrl, String user, String password, int maxSize,
      long connectionTimeoutMillis) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("cskpi");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxSize);
    config.setConnectionTimeout(connectionTimeoutMillis);
    config.setValidationTimeout(Math.min(connectionTimeoutMillis, 2_000));
    config.setInitializationFailTimeout(-1);
    // each statement sees what is committed; writes lock only the rows they touch
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.addDataSourceProperty("connectionTimeZone", "UTC");
    config.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
    config.addDataSourceProperty("characterEncoding", "UTF-8");
    config.addDataSourceProperty("rewriteBatchedStatements", "true");
    config.addDataSourceProperty("cachePrepStmts", "true");
    config.addDataSourceProperty("useServerPrepStmts", "false");
    config.addDataSourceProperty("connectTimeout", Long.toString(connectionTimeoutMillis));
    // a database that stops answering fails a call within a minute (UNAVAILABLE), not never
    config.addDataSourceProperty("socketTimeout", "60000");
    config.setConnectionInitSql("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,"
        + "NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', "
        + "time_zone = '+00:00'");
    return new HikariDataSource(config);
  }

  /**
   * Whether the database answers now: a pooled connection is had within the pool's timeout and
   * answers a ping within a second. For the health check, which runs it every second.
   */
  public static boolean answers(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Brings the schema to the latest version; a failed migration throws and must stop the start. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
