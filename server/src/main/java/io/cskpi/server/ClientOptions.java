package io.cskpi.server;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options and file arguments of a client command ({@code --name value ... FILE}). */
record ClientOptions(Map<String, String> values, List<String> files, boolean help) {

  /** Reads {@code args}; every option must be in {@code defaults} (a null default means no default). */
  static ClientOptions parse(List<String> args, Map<String, String> commandDefaults) {
    Map<String, String> defaults = new LinkedHashMap<>(commandDefaults);
    defaults.put("--target", System.getenv().getOrDefault("CSKPI_TARGET", "127.0.0.1:50051"));
    defaults.put("--api-key", System.getenv().get("CSKPI_API_KEY"));
    Map<String, String> values = new LinkedHashMap<>();
    defaults.forEach((k, v) -> {
      if (v != null) {
        values.put(k, v);
      }
    });
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new ClientOptions(values, files, true);
      } else if (defaults.containsKey(arg)) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        values.put(arg, args.get(++i));
      } else if (arg.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + arg);
      } else {
        files.add(arg);
      }
    }
    return new ClientOptions(values, files, false);
  }

  /**
   * A plaintext channel to {@code --target} (CSKPI_TARGET, else 127.0.0.1:50051) that sends
   * {@code --api-key} (CSKPI_API_KEY) on every call; without a key the server answers UNAUTHENTICATED.
   */
  ManagedChannel channel() {
    Metadata headers = new Metadata();
    if (values.containsKey("--api-key") && !values.get("--api-key").isBlank()) {
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + values.get("--api-key"));
    }
    return NettyChannelBuilder.forTarget(values.get("--target")).usePlaintext()
        .maxInboundMessageSize(CskpiServer.MAX_MESSAGE_BYTES)
        .intercept(MetadataUtils.newAttachHeadersInterceptor(headers)).build();
  }
}
