package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cskpi.adapters.mysql.TestDatabase;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SIGTERM to the packaged server under load: the checks of ShutdownUnderLoadTest, through the shutdown hook. */
class ShutdownUnderLoadIT {

  @Test
  void sigtermUnderLoadFinishesTheBatchesInFlightAndEachIsAllOrNothing() throws Exception {
    try (Processes.Server server = new Processes.Server(List.of("--db-url", TestDatabase.jdbcUrl(),
        "--db-user", TestDatabase.user(), "--db-password", TestDatabase.password(), "--db-pool-size", "4"))) {

      ShutdownUnderLoadTest.stopUnderLoad(server.port, server.key, server::close);

      assertThat(Files.readString(server.log)).as("the orderly shutdown ran to its end")
          .contains("stopping: health NOT_SERVING", "stopped");
    }
  }
}
