package io.cskpi.server;

import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Purchase;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code import-purchases}: a client of the public API that loads a purchases file into a
 * running server, as any client would. Customers it does not find are created with their first
 * purchase as acquisition (existing ones are left as they are); purchases go in batches of 1000.
 * Every batch is idempotent, so an interrupted import is simply run again; UNAVAILABLE is retried.
 */
final class PurchaseImport {

  private static final String HELP = """
      Usage: java -jar cskpi-server.jar import-purchases --tenant ID [--target HOST:PORT] [--api-key KEY]
                 [--format csv|cdnow] [--currency CODE] FILE

        --tenant    the tenant id (it must exist: create it with TenantService.CreateTenant)
        --target    the server, default 127.0.0.1:50051 (env CSKPI_TARGET)
        --api-key   the API key (env CSKPI_API_KEY, better: arguments show in ps)
        --format    csv (default): header order_id,customer_id,purchase_time,amount,currency;
                    cdnow: the CDNOW_master.txt transaction log (order ids are L<line number>)
        --currency  the currency of a cdnow file, default USD
      Dates without a time are local midnight in the tenant's time zone.
      """;

  private PurchaseImport() {}

  static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("--tenant", null);
    defaults.put("--format", "csv");
    defaults.put("--currency", "USD");
    ClientOptions parsed;
    try {
      parsed = ClientOptions.parse(args, defaults);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n\n" + HELP);
      return 2;
    }
    if (parsed.help()) {
      out.print(HELP);
      return 0;
    }
    Map<String, String> options = parsed.values();
    List<String> files = parsed.files();
    if (!options.containsKey("--tenant") || files.size() != 1) {
      err.println((options.containsKey("--tenant") ? "give one FILE" : "--tenant is required") + "\n\n" + HELP);
      return 2;
    }
    ManagedChannel channel = parsed.channel();
    try {
      return load(new ApiWriter(channel, options.get("--tenant"), err), options.get("--tenant"),
          Path.of(files.get(0)), options.get("--format"), options.get("--currency"), out);
    } catch (StatusRuntimeException e) {
      err.println("import failed: " + ApiWriter.describe(e));
      return 1;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static int load(ApiWriter writer, String tenantId, Path file, String format, String currency,
      PrintStream out) throws IOException {
    long started = System.nanoTime();
    ZoneId zone = ZoneId.of(writer.tenant(tenantId, null).getTimeZone());
    PurchaseRows.Result read;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read = switch (format) {
        case "cdnow" -> PurchaseRows.cdnow(reader, zone, currency);
        case "csv" -> PurchaseRows.csv(reader, zone);
        default -> throw new IllegalArgumentException("--format must be csv or cdnow");
      };
    }
    Map<String, Instant> firstPurchase = new LinkedHashMap<>();
    read.rows().forEach(row -> firstPurchase.merge(row.customerId(), row.time(), (a, b) -> a.isBefore(b) ? a : b));
    Set<String> existing = writer.customerIds();
    List<Customer> missing = firstPurchase.entrySet().stream().filter(e -> !existing.contains(e.getKey()))
        .map(e -> Customer.newBuilder().setCustomerId(e.getKey()).setAcquireTime(ApiWriter.timestamp(e.getValue()))
            .build())
        .toList();
    writer.upsertCustomers(missing);
    writer.recordPurchases(read.rows().stream().map(row -> Purchase.newBuilder().setOrderId(row.orderId())
        .setCustomerId(row.customerId()).setPurchaseTime(ApiWriter.timestamp(row.time()))
        .setAmount(Money.newBuilder().setAmount(row.amount()).setCurrencyCode(row.currency())).build()).toList());
    out.printf("read %d purchases from %s; rejected lines: %s%n", read.rows().size(), file,
        read.rejected().isEmpty() ? "none" : read.rejected());
    out.printf("customers created: %d; purchases recorded: %d, already recorded: %d; %.1f s%n",
        missing.size(), writer.recorded, writer.alreadyRecorded, (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
