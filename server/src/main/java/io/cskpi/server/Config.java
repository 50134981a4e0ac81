package io.cskpi.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server's configuration: flags with environment-variable twins, flags winning.
 * {@code --db-url} empty means the embedded MariaDB with its data in {@code --data-dir}.
 */
record Config(int port, String dbUrl, String dbUser, String dbPassword, Path dataDir, int dbPoolSize,
    int dbTimeoutMillis, OptionalInt metricsPort, Optional<Tls> tls) {

  /** A PEM certificate chain and its PKCS#8 PEM private key. */
  record Tls(Path certificate, Path privateKey) {}

  /** One option: its flag, environment variable, default and meaning. */
  record Option(String flag, String env, String fallback, String help) {}

  static final List<Option> OPTIONS = List.of(
      new Option("--port", "CSKPI_PORT", "50051", "gRPC port (0 picks a free one)"),
      new Option("--tls-cert", "CSKPI_TLS_CERT", "", "PEM certificate chain: with --tls-key, gRPC over TLS"),
      new Option("--tls-key", "CSKPI_TLS_KEY", "", "PEM (PKCS#8) private key of --tls-cert (never printed)"),
      new Option("--metrics-port", "CSKPI_METRICS_PORT", "",
          "HTTP port of the Prometheus metrics at /metrics (0 picks a free one); empty: no metrics endpoint"),
      new Option("--db-url", "CSKPI_DB_URL", "",
          "JDBC URL of a MySQL/MariaDB database, e.g. jdbc:mysql://127.0.0.1:3306/cskpi; empty starts the embedded MariaDB"),
      new Option("--db-user", "CSKPI_DB_USER", "root", "database user"),
      new Option("--db-password", "CSKPI_DB_PASSWORD", "", "database password (never printed)"),
      new Option("--data-dir", "CSKPI_DATA_DIR", System.getProperty("user.home") + "/.cskpi",
          "where the embedded MariaDB keeps its binaries and data"),
      new Option("--db-pool-size", "CSKPI_DB_POOL_SIZE", "16", "maximum database connections"),
      new Option("--db-timeout-ms", "CSKPI_DB_TIMEOUT_MS", "5000",
          "how long a call waits for a database connection before UNAVAILABLE"));

  /** Reads the flags (as {@code --name value} or {@code --name=value}) over the environment. */
  static Config parse(List<String> args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Option option : OPTIONS) {
      values.put(option.flag(), env.getOrDefault(option.env(), option.fallback()));
    }
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!values.containsKey(flag)) {
        throw new IllegalArgumentException("unknown option " + flag + " (see --help)");
      }
      if (arg.contains("=")) {
        values.put(flag, arg.substring(arg.indexOf('=') + 1));
      } else if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value");
      } else {
        values.put(flag, rest.remove(0));
      }
    }
    return new Config(integer(values, "--port", 0, 65_535), values.get("--db-url"), values.get("--db-user"),
        values.get("--db-password"), Path.of(values.get("--data-dir")),
        integer(values, "--db-pool-size", 1, 1_000), integer(values, "--db-timeout-ms", 100, 600_000),
        values.get("--metrics-port").isBlank() ? OptionalInt.empty()
            : OptionalInt.of(integer(values, "--metrics-port", 0, 65_535)), tls(values));
  }

  private static Optional<Tls> tls(Map<String, String> values) {
    String certificate = values.get("--tls-cert").trim();
    String key = values.get("--tls-key").trim();
    if (certificate.isEmpty() != key.isEmpty()) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both or neither");
    }
    return certificate.isEmpty() ? Optional.empty() : Optional.of(new Tls(Path.of(certificate), Path.of(key)));
  }

  private static int integer(Map<String, String> values, String flag, int min, int max) {
    try {
      int value = Integer.parseInt(values.get(flag).trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " must be a whole number from " + min + " to " + max
        + ", was \"" + values.get(flag) + "\"");
  }

  boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  static String help() {
    StringBuilder help = new StringBuilder("""
        Usage: java -jar cskpi-server.jar [serve] [options]
               java -jar cskpi-server.jar keys create|list|revoke ...              (API keys; see keys --help)
               java -jar cskpi-server.jar import-purchases [import options] FILE   (see import-purchases --help)
               java -jar cskpi-server.jar import-dataset --dataset NAME FILE        (see import-dataset --help)
               java -jar cskpi-server.jar benchmark [options]                       (see benchmark --help)
               java -jar cskpi-server.jar benchmark-fit [CUSTOMERS ...]             (BG/NBD fit times, in-process)

        Options (flags win over their environment variables):
        """);
    for (Option option : OPTIONS) {
      help.append(String.format("  %-16s %-20s %s%n  %-16s %-20s default: %s%n", option.flag(), option.env(),
          option.help(), "", "", option.fallback().isEmpty() ? "(empty)" : option.fallback()));
    }
    return help.toString();
  }

  /** The configuration as printed at start, without secrets. */
  String describe() {
    return "port=" + port + " database=" + (embeddedDatabase() ? "embedded MariaDB in " + dataDir
        : dbUrl.replaceAll("password=[^&]*", "password=***") + " user=" + dbUser)
        + " pool=" + dbPoolSize + " db-timeout-ms=" + dbTimeoutMillis
        + " metrics-port=" + (metricsPort.isPresent() ? String.valueOf(metricsPort.getAsInt()) : "off")
        + " tls=" + tls.map(t -> "certificate " + t.certificate()).orElse("off");
  }
}
