package io.cskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cskpi.proto.v1.ComputeKpiReportResponse;
import io.cskpi.proto.v1.ImportRecordsRequest;
import io.cskpi.proto.v1.ImportRecordsResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retries against the real server on the test database, with a slice of CDNOW: batches sent three
 * times with their request ids, and an import cut in the middle and resumed, each give exactly the
 * KPI report of a clean load.
 */
class RetriesServerTest {

  private static CskpiServer server;
  private static ManagedChannel channel;
  private static CdnowLoad cdnow;
  private static ComputeKpiReportResponse clean;

  @BeforeAll
  static void startAndLoadCleanly() throws Exception {
    server = Clients.startOnTestDatabase();
    channel = Clients.administrator(server);
    cdnow = new CdnowLoad(4000);
    String parent = CdnowLoad.tenant(channel, "clean");
    cdnow.loadByBatches(channel, parent, 1);
    clean = CdnowLoad.report(channel, parent);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  @Test
  void theCleanLoadHasSomethingToCompare() {
    assertThat(clean.getReportsCount()).isEqualTo(8);
    assertThat(clean.getReports(1).getChurnRate().getCustomersAtStart()).isPositive();
    assertThat(clean.getReports(1).getChurnRate().getChurned()).isPositive();
  }

  @Test
  void everyBatchSentThreeTimesGivesTheReportOfOneCleanLoad() {
    String parent = CdnowLoad.tenant(channel, "thrice");

    cdnow.loadByBatches(channel, parent, 3);

    assertThat(CdnowLoad.report(channel, parent)).isEqualTo(clean);
  }

  @Test
  void anImportCutInTheMiddleAndResumedFromItsLastAcknowledgementGivesTheReportOfACleanLoad() throws Exception {
    String parent = CdnowLoad.tenant(channel, "cut");
    List<ImportRecordsRequest> batches = cdnow.importBatches(parent, "cdnow-slice");

    CdnowLoad.Streamed cut = CdnowLoad.stream(channel, batches, ack -> ack.getSequence() == batches.size() / 2);
    CdnowLoad.Streamed resumed = CdnowLoad.stream(channel,
        batches.subList((int) cut.lastAcknowledged(), batches.size()), ack -> false);

    assertThat(cut.status().getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(cut.lastAcknowledged()).isBetween(1L, batches.size() - 1L);
    assertThat(resumed.status().getCode()).isEqualTo(Status.Code.OK);
    Map<Long, ImportRecordsResponse> acks = acknowledgements(cut, resumed);
    assertThat(acks.keySet()).hasSize(batches.size());
    assertThat(acks.values().stream().mapToInt(ImportRecordsResponse::getRecordedCount).sum())
        .as("each batch recorded once, a resent one answered from its first acknowledgement")
        .isEqualTo(cdnow.records());
    assertThat(CdnowLoad.report(channel, parent)).isEqualTo(clean);
  }

  /** The acknowledgements by sequence; a batch acknowledged twice got the same answer both times. */
  static Map<Long, ImportRecordsResponse> acknowledgements(CdnowLoad.Streamed... streams) {
    Map<Long, ImportRecordsResponse> bySequence = new TreeMap<>();
    for (CdnowLoad.Streamed stream : streams) {
      for (ImportRecordsResponse ack : stream.acks()) {
        ImportRecordsResponse before = bySequence.putIfAbsent(ack.getSequence(), ack);
        assertThat(before == null ? ack : before).isEqualTo(ack);
      }
    }
    return bySequence;
  }
}
