package io.cskpi.server;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/** The one place where tests open a channel to a real server (credentials, when they exist, go here). */
final class Clients {

  private Clients() {}

  /** A plaintext channel to the server on {@code port} of this machine. */
  static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }
}
