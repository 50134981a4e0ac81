package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** {@code buf lint} (STANDARD rules, the exceptions justified in proto/buf.yaml) passes on the API. */
class ProtoLintIT {

  @Test
  void theApiPassesBufLint() throws Exception {
    Path proto = Processes.ROOT.resolve("proto");
    extractGoogleProtos(proto.resolve("target/buf-deps"));

    String output = Processes.run(List.of("bash", "-c",
        "cd '" + proto + "' && '" + Processes.buf() + "' lint 2>&1; echo \"exit=$?\""), 120);

    assertThat(output.trim()).isEqualTo("exit=0");
  }

  /** The google/api, google/type and google/rpc protos, from the common-protos jar on the classpath. */
  private static void extractGoogleProtos(Path target) throws Exception {
    var url = ProtoLintIT.class.getClassLoader().getResource("google/api/field_behavior.proto");
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      for (var entry : jar.stream().filter(e -> e.getName().startsWith("google/") && e.getName().endsWith(".proto")).toList()) {
        Path file = target.resolve(entry.getName());
        Files.createDirectories(file.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
