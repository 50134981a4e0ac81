package io.cskpi.adapters.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.DriverManager;
import java.util.Properties;
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
   * Asks the pool's database whether it answers, on a connection of its own: a pool whose
   * connections are all busy is no database that is down. For the health check.
   */
  public static final class Probe implements AutoCloseable {

    private final HikariDataSource pool;
    private Connection connection;

    public Probe(HikariDataSource pool) {
      this.pool = pool;
    }

    /** Whether the database answers a ping within a second (connecting within two, when it must). */
    public synchronized boolean answers() {
      try {
        if (connection == null || !connection.isValid(1)) {
          close();
          Properties properties = new Properties();
          properties.setProperty("user", pool.getUsername());
          properties.setProperty("password", pool.getPassword() == null ? "" : pool.getPassword());
          properties.setProperty("connectTimeout", "2000");
          properties.setProperty("socketTimeout", "2000");
          connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return connection.isValid(1);
      } catch (SQLException e) {
        close();
        return false;
      }
    }

    @Override
    public synchronized void close() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          // a connection to a database that went away; nothing to keep
        }
        connection = null;
      }
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
