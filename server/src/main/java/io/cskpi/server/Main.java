package io.cskpi.server;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executable: {@code serve} (the default), {@code keys}, {@code import-purchases}, {@code import-dataset},
 * {@code benchmark} or {@code benchmark-fit}.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    String command = !rest.isEmpty() && !rest.get(0).startsWith("-") ? rest.remove(0) : "serve";
    switch (command) {
      case "serve" -> serve(rest);
      case "keys" -> System.exit(KeysCommand.run(rest, System.getenv(), System.out, System.err));
      case "import-purchases" -> System.exit(PurchaseImport.run(rest, System.out, System.err));
      case "import-dataset" -> System.exit(DatasetImport.run(rest, System.out, System.err));
      case "benchmark" -> System.exit(Benchmark.run(rest, System.out));
      case "benchmark-fit" -> System.exit(FitBenchmark.run(rest, System.out));
      default -> {
        System.err.println("unknown command \"" + command + "\"\n\n" + Config.help());
        System.exit(2);
      }
    }
  }

  private static void serve(List<String> args) throws InterruptedException {
    if (args.contains("--help") || args.contains("-h")) {
      System.out.print(Config.help());
      return;
    }
    Config config;
    try {
      config = Config.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LOG.info("starting cskpi: {}", config.describe());
    CskpiServer server;
    try {
      server = CskpiServer.start(config);
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof IllegalArgumentException) {
        LOG.error("cskpi did not start: {}", cause.getMessage());
      } else {
        LOG.error("cskpi did not start: {}", cause.toString(), e);
      }
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "cskpi-shutdown"));
    LOG.info("cskpi listening on port {}", server.port());
    server.awaitTermination();
  }
}
