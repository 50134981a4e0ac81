package io.cskpi.adapters.mysql;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, migrated database for the tests of one JVM, on a real MySQL-compatible server:
 * CSKPI_TEST_DB_URL (a server URL such as jdbc:mysql://127.0.0.1:3306/, user and password in
 * CSKPI_TEST_DB_USER and CSKPI_TEST_DB_PASSWORD), else the MariaDB at 127.0.0.1:3306 as root, else
 * an embedded MariaDB started for the run. The database is dropped when the JVM exits.
 */
public final class TestDatabase {

  private static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/";

  private static HikariDataSource pool;
  private static String serverUrl;
  private static String databaseName;

  private TestDatabase() {}

  /** A pool on this JVM's test database, migrated. */
  public static synchronized HikariDataSource dataSource() {
    if (pool == null) {
      pool = create();
    }
    return pool;
  }

  /** The JDBC URL of this JVM's test database, for a server started by a test. */
  public static synchronized String jdbcUrl() {
    dataSource();
    return serverUrl + databaseName;
  }

  /** The name of this JVM's test database. */
  public static synchronized String databaseName() {
    dataSource();
    return databaseName;
  }

  public static String user() {
    return env("CSKPI_TEST_DB_USER", "root");
  }

  public static String password() {
    return env("CSKPI_TEST_DB_PASSWORD", "");
  }

  private static HikariDataSource create() {
    serverUrl = env("CSKPI_TEST_DB_URL", DEFAULT_URL);
    if (System.getenv("CSKPI_TEST_DB_URL") == null && !reachable(serverUrl)) {
      EmbeddedMariaDb embedded = EmbeddedMariaDb.startThrowaway();
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      serverUrl = embedded.serverUrl();
    }
    databaseName = "cskpi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE DATABASE " + databaseName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + databaseName)));
    HikariDataSource dataSource = MySqlDatabase.pool(serverUrl + databaseName, user(), password(), 8, 5_000);
    MySqlDatabase.migrate(dataSource);
    return dataSource;
  }

  /** Runs one statement on the server, outside the pool. */
  public static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(serverUrl, user(), password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database: " + sql, e);
    }
  }

  private static boolean reachable(String url) {
    try (Connection ignored = DriverManager.getConnection(url + "?connectTimeout=2000", user(), password())) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

}
