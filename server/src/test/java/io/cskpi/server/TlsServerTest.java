package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server over TLS, with a certificate made by openssl for localhost, as the README shows. */
class TlsServerTest {

  private static final Path DIR = Path.of("target/tls").toAbsolutePath();
  private static CskpiServer server;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(DIR);
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", DIR.resolve("key.pem").toString(), "-out", DIR.resolve("cert.pem").toString(), "-days", "1",
        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
        .redirectErrorStream(true).start();
    assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0)
        .as("openssl made the test certificate").isTrue();
    server = Clients.startOnTestDatabase("--db-pool-size", "2",
        "--tls-cert", DIR.resolve("cert.pem").toString(), "--tls-key", DIR.resolve("key.pem").toString());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aClientTrustingTheCertificateIsServedAndAPlaintextOneIsNot() throws Exception {
    ManagedChannel tls = NettyChannelBuilder.forAddress("localhost", server.port())
        .sslContext(GrpcSslContexts.forClient().trustManager(DIR.resolve("cert.pem").toFile()).build()).build();
    ManagedChannel plain = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    try {
      assertThat(HealthGrpc.newBlockingStub(tls).check(HealthCheckRequest.getDefaultInstance()).getStatus())
          .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      assertThatThrownBy(() -> HealthGrpc.newBlockingStub(plain).withDeadlineAfter(5, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance())).isInstanceOf(StatusRuntimeException.class);
    } finally {
      tls.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCertificateWithoutItsKeyIsRefusedAtStart() {
    assertThatThrownBy(() -> Config.parse(List.of("--tls-cert", DIR.resolve("cert.pem").toString()), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-key");
  }
}
