package io.cskpi.server;

import io.cskpi.adapters.mysql.EmbeddedMariaDb;
import io.cskpi.adapters.mysql.MySqlApiKeyRepository;
import io.cskpi.application.ApiKeys;
import io.cskpi.application.port.ApiKeyRepository.StoredKey;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code keys}: the administrator's command for API keys, run on the service's database (the
 * embedded one of a running service too). The new key goes alone to standard output, once.
 */
final class KeysCommand {

  private static final String HELP = """
      Usage: java -jar cskpi-server.jar keys create (--tenant ID | --admin) [--label TEXT] [database options]
             java -jar cskpi-server.jar keys list [--tenant ID] [database options]
             java -jar cskpi-server.jar keys revoke KEY_ID [database options]

        create  prints a new key on standard output (shown only now; only its SHA-256 is kept); a
                tenant key reaches that tenant's resources, an --admin key every tenant's
        list    key id, tenant ("*": administrator), label, created, revoked
        revoke  the key stops working at once
        database options: those of serve (--db-url, --db-user, --db-password, --data-dir, and their
                environment variables); with the embedded database, the running service's is used
      """;

  private KeysCommand() {}

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>(args);
    if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h")) {
      (rest.isEmpty() ? err : out).print(HELP);
      return rest.isEmpty() ? 2 : 0;
    }
    String action = rest.remove(0);
    try {
      Optional<String> tenant = take(rest, "--tenant");
      Optional<String> label = take(rest, "--label");
      boolean admin = rest.remove("--admin");
      Optional<String> keyId = action.equals("revoke") && !rest.isEmpty() && !rest.get(0).startsWith("-")
          ? Optional.of(rest.remove(0)) : Optional.empty();
      Config config = Config.parse(rest, env);
      return switch (action) {
        case "create" -> {
          if (tenant.isPresent() == admin) {
            throw new IllegalArgumentException("give --tenant ID or --admin");
          }
          yield withKeys(config, err, keys -> {
            ApiKeys.Issued issued = keys.issue(tenant.map(KeysCommand::tenantId), label.orElse(""));
            err.println("created key " + issued.stored().keyId() + " for " + reach(issued.stored()));
            out.println(issued.key());
          });
        }
        case "list" -> withKeys(config, err, keys -> {
          out.println("KEY_ID\tTENANT\tLABEL\tCREATED\tREVOKED");
          for (StoredKey key : keys.list(tenant.map(KeysCommand::tenantId))) {
            out.println(String.join("\t", key.keyId(), key.tenant().map(TenantId::value).orElse("*"),
                key.label(), key.createTime().toString(), key.revokeTime().map(Object::toString).orElse("-")));
          }
        });
        case "revoke" -> withKeys(config, err, keys -> {
          keys.revoke(keyId.orElseThrow(() -> new IllegalArgumentException("give the KEY_ID to revoke")));
          err.println("revoked key " + keyId.get());
        });
        default -> throw new IllegalArgumentException("unknown keys action \"" + action + "\"");
      };
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n\n" + HELP);
      return 2;
    } catch (CskpiException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static int withKeys(Config config, PrintStream err, java.util.function.Consumer<ApiKeys> action) {
    if (config.embeddedDatabase() && EmbeddedMariaDb.running(config.dataDir()).isEmpty()) {
      err.println("no running cskpi answers on the embedded database in " + config.dataDir().toAbsolutePath()
          + "; using that database directly (a service must be started with the same --data-dir to see it)");
    }
    try (DatabaseModule.Database database = DatabaseModule.open(config, true)) {
      action.accept(new ApiKeys(new MySqlApiKeyRepository(database.pool()), Clock.systemUTC()));
    }
    return 0;
  }

  private static Optional<String> take(List<String> args, String flag) {
    int at = args.indexOf(flag);
    if (at < 0) {
      return Optional.empty();
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    args.remove(at);
    return Optional.of(args.remove(at));
  }

  private static TenantId tenantId(String id) {
    try {
      return new TenantId(id);
    } catch (CskpiException e) {
      throw new IllegalArgumentException("--tenant " + e.getMessage(), e);
    }
  }

  private static String reach(StoredKey key) {
    return key.tenant().map(t -> "tenant " + t).orElse("every tenant (administrator)");
  }
}
