package io.cskpi.application;

import io.cskpi.application.port.RequestLog;
import io.cskpi.domain.Identifiers;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the batches of a streamed import in sequence, each once: a batch already committed is
 * answered from its stored acknowledgement, the next one runs, and one beyond it is refused with
 * the sequence expected, so a client resumes from its last acknowledgement.
 */
public final class RunImportBatch {

  public static final String METHOD = "ImportRecords";
  public static final String IMPORT_SEQUENCE_GAP = "IMPORT_SEQUENCE_GAP";

  private final RequestLog log;
  private final RunOnce runOnce;

  public RunImportBatch(RequestLog log, RunOnce runOnce) {
    this.log = log;
    this.runOnce = runOnce;
  }

  /** The acknowledgement of batch {@code sequence} of {@code importId}, running {@code work} once. */
  public byte[] run(TenantId tenant, String importId, long sequence, byte[] batchHash, Supplier<byte[]> work) {
    Identifiers.recordId("import_id", importId);
    if (sequence < 1) {
      throw CskpiException.invalid("sequence", "must be 1 or more, was " + sequence);
    }
    long expected = log.lastSequence(tenant, METHOD, importId) + 1;
    if (sequence > expected) {
      String message = "expected " + expected + " (" + (expected == 1 ? "no batch" : "batches 1 to " + (expected - 1))
          + " of import \"" + importId + "\" committed); resend from " + expected;
      throw new CskpiException(CskpiException.Kind.FAILED_PRECONDITION, IMPORT_SEQUENCE_GAP,
          "batch " + sequence + " skips a batch: " + message, List.of(new FieldViolation("sequence", message)));
    }
    return runOnce.run(new RequestLog.Key(tenant, METHOD, importId, sequence), batchHash, "sequence", work);
  }
}
