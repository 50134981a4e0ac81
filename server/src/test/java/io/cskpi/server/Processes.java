package io.cskpi.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Running the packaged server, its import command, buf and python as a user would, from tests. */
final class Processes {

  /** The repository root (tests run in the server module's folder). */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final Path JAR = ROOT.resolve("server/target/cskpi-server.jar");

  private Processes() {}

  /** Runs a command to its end and returns its standard output; fails on a non-zero exit. */
  static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("cskpi-cmd", ".err");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    String stderr = Files.readString(log);
    Files.delete(log);
    if (process.exitValue() != 0) {
      throw new IllegalStateException("exit " + process.exitValue() + " from " + command + "\n" + stderr
          + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /** The buf CLI: CSKPI_BUF, or @bufbuild/buf installed with npm into server/target/buf once. */
  static String buf() throws IOException, InterruptedException {
    String env = System.getenv("CSKPI_BUF");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    Path prefix = ROOT.resolve("server/target/buf");
    Path buf = prefix.resolve("node_modules/.bin/buf");
    if (!Files.isExecutable(buf)) {
      run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", prefix.toString(),
          "@bufbuild/buf@1.75.0"), 300);
    }
    return buf.toString();
  }

  /** {@code buf curl} over plaintext HTTP/2 to the server, with its administrator key and a JSON body. */
  static String bufCurl(int port, String method, String json) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(buf(), "curl", "--protocol", "grpc", "--http2-prior-knowledge",
        "-H", "authorization: Bearer " + Server.KEYS.get(port)));
    if (json != null) {
      command.addAll(List.of("-d", json));
    }
    command.add("http://127.0.0.1:" + port + (method.isEmpty() ? "" : "/" + method));
    if (method.isEmpty()) {
      command.add(command.size() - 1, "--list-methods");
    }
    return run(command, 60);
  }

  /** The shared datasets: CSKPI_SHARED_DIR, or the shared folder beside the repository. */
  static Path sharedData() {
    String env = System.getenv("CSKPI_SHARED_DIR");
    Path shared = env != null && !env.isEmpty() ? Path.of(env) : ROOT.getParent().resolve("shared");
    if (!Files.isDirectory(shared.resolve("data"))) {
      throw new IllegalStateException("the shared datasets are not at " + shared + "; set CSKPI_SHARED_DIR");
    }
    return shared.resolve("data");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The packaged server, started as an operator would. */
  static final class Server implements AutoCloseable {
    /** The administrator key made for each running server, by port. */
    static final Map<Integer, String> KEYS = new ConcurrentHashMap<>();
    final int port;
    /** An administrator key, made by the {@code keys} command once the server listens. */
    final String key;
    private final Process process;
    final Path log;

    /** On the embedded database, with its data in {@code dataDir}. */
    Server(Path dataDir) throws IOException, InterruptedException {
      this(List.of("--data-dir", dataDir.toString()));
    }

    /** With these database options. */
    Server(List<String> databaseOptions) throws IOException, InterruptedException {
      port = freePort();
      log = Files.createTempFile("cskpi-server", ".log");
      List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "--port", Integer.toString(port)));
      command.addAll(databaseOptions);
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (!Files.readString(log).contains("cskpi listening on port")) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("the server did not start:\n" + Files.readString(log));
        }
        Thread.sleep(200);
      }
      List<String> keys = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "keys", "create", "--admin"));
      keys.addAll(databaseOptions);
      key = run(keys, 120).strip();
      KEYS.put(port, key);
    }

    /** SIGKILL (kill -9): the process ends at once, in the middle of whatever it was doing. */
    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator would stop it; waits for the orderly shutdown. */
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      KEYS.remove(port);
    }
  }
}
