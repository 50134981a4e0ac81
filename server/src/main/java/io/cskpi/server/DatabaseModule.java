package io.cskpi.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.zaxxer.hikari.HikariDataSource;
import io.cskpi.adapters.mysql.EmbeddedMariaDb;
import io.cskpi.adapters.mysql.MySqlDatabase;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database: the configured MySQL, or the embedded MariaDB; the pool on it; the schema
 * migrated before anything is served (a failed migration stops the start).
 */
final class DatabaseModule extends AbstractModule {

  private final Config config;

  DatabaseModule(Config config) {
    this.config = config;
  }

  @Provides
  @Singleton
  Database database() {
    return open(config, false);
  }

  /**
   * The configured database, migrated. {@code joinRunning}: when the embedded MariaDB of another
   * process (the running service) answers on the data directory, use it rather than start one.
   */
  static Database open(Config config, boolean joinRunning) {
    Optional<String> running = joinRunning && config.embeddedDatabase()
        ? EmbeddedMariaDb.running(config.dataDir()) : Optional.empty();
    EmbeddedMariaDb embedded = config.embeddedDatabase() && running.isEmpty()
        ? EmbeddedMariaDb.start(config.dataDir()) : null;
    String url = running.orElse(embedded == null ? config.dbUrl() : embedded.jdbcUrl());
    String user = config.embeddedDatabase() ? "root" : config.dbUser();
    String password = config.embeddedDatabase() ? "" : config.dbPassword();
    HikariDataSource pool = MySqlDatabase.pool(url, user, password, config.dbPoolSize(), config.dbTimeoutMillis());
    try {
      MySqlDatabase.migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
    return new Database(pool, embedded);
  }

  @Provides
  DataSource dataSource(Database database) {
    return database.pool();
  }

  /** The pool and, when there is one, the embedded server under it; closed in that order. */
  record Database(HikariDataSource pool, EmbeddedMariaDb embedded) implements AutoCloseable {
    @Override
    public void close() {
      pool.close();
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
