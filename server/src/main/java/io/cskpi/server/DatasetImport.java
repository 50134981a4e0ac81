package io.cskpi.server;

import io.cskpi.proto.v1.ChurnRule;
import io.cskpi.proto.v1.InactivityRule;
import io.cskpi.proto.v1.Tenant;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * {@code import-dataset}: loads one of the public datasets the README walks through into a
 * running server, through the public API, with a documented mapping (see each dataset's class).
 * The tenant is created with the dataset's settings when it does not exist.
 */
final class DatasetImport {

  private static final String HELP = """
      Usage: java -jar cskpi-server.jar import-dataset --dataset NAME [--tenant ID] [--target HOST:PORT] [--api-key KEY] FILE

        --dataset  telco            WA_Fn-UseC_-Telco-Customer-Churn.csv (contractual; tenant in UTC)
                   online-retail    online_retail.csv(.gz) (retail; Europe/London, GBP, 90-day inactivity)
                   clothing-reviews womens_clothing_ecommerce_reviews.csv (a 1-5 CSAT survey)
        --tenant   the tenant id, default the dataset's name
        --target   the server, default 127.0.0.1:50051 (env CSKPI_TARGET)
        --api-key  the API key (env CSKPI_API_KEY, better: arguments show in ps)
      """;

  private DatasetImport() {}

  static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("--dataset", null);
    defaults.put("--tenant", null);
    ClientOptions options;
    try {
      options = ClientOptions.parse(args, defaults);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n\n" + HELP);
      return 2;
    }
    if (options.help()) {
      out.print(HELP);
      return 0;
    }
    String dataset = options.values().get("--dataset");
    if (dataset == null || options.files().size() != 1) {
      err.println((dataset == null ? "--dataset is required" : "give one FILE") + "\n\n" + HELP);
      return 2;
    }
    Tenant settings = switch (dataset) {
      case "telco", "clothing-reviews" -> Tenant.newBuilder().setDisplayName(dataset).setTimeZone("UTC").build();
      case "online-retail" -> Tenant.newBuilder().setDisplayName(dataset).setTimeZone("Europe/London")
          .setChurnRule(ChurnRule.newBuilder().setInactivity(InactivityRule.newBuilder().setDays(90))).build();
      default -> null;
    };
    if (settings == null) {
      err.println("unknown dataset \"" + dataset + "\"\n\n" + HELP);
      return 2;
    }
    String tenantId = options.values().getOrDefault("--tenant", dataset);
    Path file = Path.of(options.files().get(0));
    ManagedChannel channel = options.channel();
    long started = System.nanoTime();
    try (Reader reader = open(file)) {
      ApiWriter writer = new ApiWriter(channel, tenantId, err);
      writer.tenant(tenantId, settings);
      String report = switch (dataset) {
        case "telco" -> TelcoDataset.load(reader, writer);
        case "online-retail" -> OnlineRetailDataset.load(reader, writer);
        default -> ClothingReviewsDataset.load(reader, writer);
      };
      out.printf("%s%nrecords recorded: %d, already recorded: %d; %.1f s%n", report, writer.recorded,
          writer.alreadyRecorded, (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (StatusRuntimeException e) {
      err.println("import failed: " + ApiWriter.describe(e));
      return 1;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The file as UTF-8 text, gunzipped when its name ends in .gz. */
  private static Reader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new InputStreamReader(file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in,
        StandardCharsets.UTF_8);
  }
}
