package io.cskpi.application;

import io.cskpi.application.port.RequestLog;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a request once per key (AIP-155): a repeat of a request that succeeded gets the first
 * response and does not run; the same key with another request is ALREADY_EXISTS. Only success is
 * remembered, so a request that failed runs again when retried.
 *
 * <p>The response is saved after the work committed, in a transaction of its own: if the process
 * dies between the two, the retry runs again, which the idempotent batches make harmless (it then
 * counts the records as already recorded).
 */
public final class RunOnce {

  public static final String REQUEST_ID_REUSED = "REQUEST_ID_REUSED";

  private final RequestLog log;

  public RunOnce(RequestLog log) {
    this.log = log;
  }

  /**
   * The response of the request {@code key} (hash {@code requestHash}), running {@code work} if
   * it has none yet; {@code field} is the request's field named when the key is reused.
   */
  public byte[] run(RequestLog.Key key, byte[] requestHash, String field, Supplier<byte[]> work) {
    Optional<RequestLog.Entry> stored = log.find(key);
    RequestLog.Entry first = stored.isPresent() ? stored.get()
        : log.save(key, new RequestLog.Entry(requestHash, work.get()));
    if (!Arrays.equals(first.requestHash(), requestHash)) {
      String message = "already identifies an earlier request with other content; nothing was run";
      throw new CskpiException(CskpiException.Kind.ALREADY_EXISTS, REQUEST_ID_REUSED, field + " " + message,
          List.of(new FieldViolation(field, message)));
    }
    return first.response();
  }
}
