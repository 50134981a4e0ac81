package io.cskpi.server;

import io.cskpi.adapters.mysql.MySqlApiKeyRepository;
import io.cskpi.application.ApiKeys;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.Clock;
import java.util.Optional;

/** The one place where tests open a channel to a real server, and make keys for it. */
final class Clients {

  private Clients() {}

  /** A plaintext channel to the server on {@code port} of this machine that sends {@code key} on every call. */
  static ManagedChannel channel(int port, String key) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
        .intercept(MetadataUtils.newAttachHeadersInterceptor(headers)).build();
  }

  /** A channel with a new administrator key of the in-process {@code server}. */
  static ManagedChannel administrator(CskpiServer server) {
    return channel(server.port(), keys(server).issue(Optional.empty(), "tests").key());
  }

  /** The API keys of the in-process {@code server}'s database. */
  static ApiKeys keys(CskpiServer server) {
    return new ApiKeys(new MySqlApiKeyRepository(server.database().pool()), Clock.systemUTC());
  }
}
