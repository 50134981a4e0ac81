package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cskpi.adapters.mysql.TestDatabase;
import io.cskpi.proto.v1.ImportRecordsRequest;
import io.cskpi.proto.v1.ImportRecordsResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged server killed with SIGKILL in the middle of a streamed import of a CDNOW slice,
 * restarted on the same database, and the import resumed from the last acknowledgement: the
 * tenant's KPI report is exactly the one of a clean load.
 */
class ImportKillIT {

  private static final List<String> DATABASE = List.of("--db-url", TestDatabase.jdbcUrl(),
      "--db-user", TestDatabase.user(), "--db-password", TestDatabase.password());

  @Test
  void anImportResumedAfterAKillGivesTheReportOfACleanLoad() throws Exception {
    CdnowLoad cdnow = new CdnowLoad(12_000);
    String parent;
    List<ImportRecordsRequest> batches;
    CdnowLoad.Streamed killed;
    try (Processes.Server server = new Processes.Server(DATABASE)) {
      ManagedChannel channel = Clients.channel(server.port, server.key);
      parent = CdnowLoad.tenant(channel, "killed");
      batches = cdnow.importBatches(parent, "cdnow-kill");
      killed = CdnowLoad.stream(channel, batches, ack -> {
        if (ack.getSequence() == batches.size() / 2) {
          kill(server);
        }
        return false;
      });
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    assertThat(killed.status().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(killed.lastAcknowledged()).isBetween(batches.size() / 2L, batches.size() - 1L);
    try (Processes.Server restarted = new Processes.Server(DATABASE)) {
      ManagedChannel channel = Clients.channel(restarted.port, restarted.key);
      CdnowLoad.Streamed resumed = CdnowLoad.stream(channel,
          batches.subList((int) killed.lastAcknowledged(), batches.size()), ack -> false);
      String clean = CdnowLoad.tenant(channel, "clean");
      cdnow.loadByBatches(channel, clean, 1);

      assertThat(resumed.status().getCode()).isEqualTo(Status.Code.OK);
      Map<Long, ImportRecordsResponse> acks = RetriesServerTest.acknowledgements(killed, resumed);
      assertThat(acks.keySet()).hasSize(batches.size());
      assertThat(acks.values().stream().mapToInt(a -> a.getRecordedCount() + a.getAlreadyRecordedCount()).sum())
          .isEqualTo(cdnow.records());
      assertThat(CdnowLoad.report(channel, parent)).isEqualTo(CdnowLoad.report(channel, clean));
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void kill(Processes.Server server) {
    try {
      server.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
