package io.cskpi.server;

import com.google.protobuf.Timestamp;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesResponse;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.GetTenantRequest;
import io.cskpi.proto.v1.ListCustomersRequest;
import io.cskpi.proto.v1.ListCustomersResponse;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code import-purchases}: a client of the public API that loads a purchases file into a
 * running server, as any client would. Customers it does not find are created with their first
 * purchase as acquisition (existing ones are left as they are); purchases go in batches of 1000.
 * Every batch is idempotent, so an interrupted import is simply run again; UNAVAILABLE is retried.
 */
final class PurchaseImport {

  private static final int BATCH = 1000;
  private static final String HELP = """
      Usage: java -jar cskpi-server.jar import-purchases --tenant ID [--target HOST:PORT]
                 [--format csv|cdnow] [--currency CODE] FILE

        --tenant    the tenant id (it must exist: create it with TenantService.CreateTenant)
        --target    the server, default 127.0.0.1:50051 (env CSKPI_TARGET)
        --format    csv (default): header order_id,customer_id,purchase_time,amount,currency;
                    cdnow: the CDNOW_master.txt transaction log (order ids are L<line number>)
        --currency  the currency of a cdnow file, default USD
      Dates without a time are local midnight in the tenant's time zone.
      """;

  private PurchaseImport() {}

  static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
    Map<String, String> options = new LinkedHashMap<>(Map.of("--target",
        System.getenv().getOrDefault("CSKPI_TARGET", "127.0.0.1:50051"), "--format", "csv", "--currency", "USD"));
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(HELP);
        return 0;
      } else if (arg.startsWith("--") && i + 1 < args.size() && Set.of("--tenant", "--target", "--format", "--currency").contains(arg)) {
        options.put(arg, args.get(++i));
      } else if (arg.startsWith("--")) {
        err.println("unknown option " + arg + "\n\n" + HELP);
        return 2;
      } else {
        files.add(arg);
      }
    }
    if (!options.containsKey("--tenant") || files.size() != 1) {
      err.print(HELP);
      return 2;
    }
    ManagedChannel channel = NettyChannelBuilder.forTarget(options.get("--target")).usePlaintext()
        .maxInboundMessageSize(CskpiServer.MAX_MESSAGE_BYTES).build();
    try {
      return new Importer(channel, "tenants/" + options.get("--tenant"), out, err)
          .load(Path.of(files.get(0)), options.get("--format"), options.get("--currency"));
    } catch (StatusRuntimeException e) {
      err.println("import failed: " + describe(e));
      return 1;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static String describe(StatusRuntimeException e) {
    StringBuilder text = new StringBuilder(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status != null) {
      status.getDetailsList().stream().filter(d -> d.is(com.google.rpc.BadRequest.class)).forEach(d -> {
        try {
          d.unpack(com.google.rpc.BadRequest.class).getFieldViolationsList().stream().limit(10)
              .forEach(v -> text.append("\n  ").append(v.getField()).append(": ").append(v.getDescription()));
        } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
          // the status text above is enough
        }
      });
    }
    return text.toString();
  }

  /** One import into one tenant. */
  private record Importer(ManagedChannel channel, String tenant, PrintStream out, PrintStream err) {

    int load(Path file, String format, String currency) throws IOException, InterruptedException {
      long started = System.nanoTime();
      ZoneId zone = ZoneId.of(retrying(() -> TenantServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .getTenant(GetTenantRequest.newBuilder().setName(tenant).build())).getTimeZone());
      PurchaseRows.Result read;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        read = switch (format) {
          case "cdnow" -> PurchaseRows.cdnow(reader, zone, currency);
          case "csv" -> PurchaseRows.csv(reader, zone);
          default -> throw new IllegalArgumentException("--format must be csv or cdnow");
        };
      }
      int created = createMissingCustomers(read.rows());
      long recorded = 0;
      long already = 0;
      var purchases = PurchaseServiceGrpc.newBlockingStub(channel);
      for (int from = 0; from < read.rows().size(); from += BATCH) {
        BatchRecordPurchasesRequest.Builder request = BatchRecordPurchasesRequest.newBuilder().setParent(tenant);
        for (PurchaseRows.Row row : read.rows().subList(from, Math.min(read.rows().size(), from + BATCH))) {
          request.addPurchases(Purchase.newBuilder().setOrderId(row.orderId()).setCustomerId(row.customerId())
              .setPurchaseTime(timestamp(row.time()))
              .setAmount(Money.newBuilder().setAmount(row.amount()).setCurrencyCode(row.currency())));
        }
        BatchRecordPurchasesResponse response = retrying(() ->
            purchases.withDeadlineAfter(60, TimeUnit.SECONDS).batchRecordPurchases(request.build()));
        recorded += response.getRecordedCount();
        already += response.getAlreadyRecordedCount();
      }
      out.printf("read %d purchases from %s; rejected lines: %s%n", read.rows().size(), file,
          read.rejected().isEmpty() ? "none" : read.rejected());
      out.printf("customers created: %d; purchases recorded: %d, already recorded: %d; %.1f s%n",
          created, recorded, already, (System.nanoTime() - started) / 1e9);
      return 0;
    }

    /** Creates, with their first purchase as acquisition, the customers the tenant does not have. */
    private int createMissingCustomers(List<PurchaseRows.Row> rows) throws InterruptedException {
      Map<String, Instant> firstPurchase = new LinkedHashMap<>();
      for (PurchaseRows.Row row : rows) {
        firstPurchase.merge(row.customerId(), row.time(), (a, b) -> a.isBefore(b) ? a : b);
      }
      Set<String> existing = new HashSet<>();
      var customers = CustomerServiceGrpc.newBlockingStub(channel);
      String token = "";
      do {
        String page = token;
        ListCustomersResponse response = retrying(() -> customers.withDeadlineAfter(30, TimeUnit.SECONDS)
            .listCustomers(ListCustomersRequest.newBuilder().setParent(tenant).setPageSize(1000)
                .setPageToken(page).build()));
        response.getCustomersList().forEach(c -> existing.add(c.getCustomerId()));
        token = response.getNextPageToken();
      } while (!token.isEmpty());
      List<Customer> missing = firstPurchase.entrySet().stream().filter(e -> !existing.contains(e.getKey()))
          .map(e -> Customer.newBuilder().setCustomerId(e.getKey()).setAcquireTime(timestamp(e.getValue())).build())
          .toList();
      for (int from = 0; from < missing.size(); from += BATCH) {
        var batch = BatchUpsertCustomersRequest.newBuilder().setParent(tenant)
            .addAllCustomers(missing.subList(from, Math.min(missing.size(), from + BATCH))).build();
        retrying(() -> customers.withDeadlineAfter(60, TimeUnit.SECONDS).batchUpsertCustomers(batch));
      }
      return missing.size();
    }

    /** Calls again, up to 5 times with a growing pause, while the server says UNAVAILABLE. */
    private <T> T retrying(Supplier<T> call) throws InterruptedException {
      for (int attempt = 1; ; attempt++) {
        try {
          return call.get();
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt == 5) {
            throw e;
          }
          err.println("server unavailable, retrying: " + e.getStatus().getDescription());
          Thread.sleep(500L * attempt);
        }
      }
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
