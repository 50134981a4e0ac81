package io.cskpi.application;

import io.cskpi.application.port.RequestLog;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a request once per key (AIP-155): the key is claimed first, so of concurrent requests under
 * one key only the claimer runs; a repeat gets the first response; the same key with another
 * request is ALREADY_EXISTS, and nothing of it runs. Only success is remembered: a failed request
 * releases its key, so its retry runs. A repeat arriving while the first still runs waits for its
 * response (up to {@link #WAIT}, then UNAVAILABLE: retry).
 *
 * <p>The response is stored after the work committed, in a transaction of its own: if the process
 * dies between the two, the claim is taken over by a retry after {@link #ABANDONED}, and the retry
 * runs again, which the idempotent batches make harmless (it counts the records as already recorded).
 */
public final class RunOnce {

  public static final String REQUEST_ID_REUSED = "REQUEST_ID_REUSED";
  public static final String REQUEST_IN_PROGRESS = "REQUEST_IN_PROGRESS";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Duration ABANDONED = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 20;

  private final RequestLog log;
  private final Clock clock;

  public RunOnce(RequestLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /**
   * The response of the request {@code key} (hash {@code requestHash}), running {@code work} if
   * it has none yet; {@code field} is the request's field named when the key is reused.
   */
  public byte[] run(RequestLog.Key key, byte[] requestHash, String field, Supplier<byte[]> work) {
    long waitUntil = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Optional<RequestLog.Entry> there = log.claim(key, requestHash, clock.instant());
      if (there.isEmpty()) {
        return runHeld(key, work);
      }
      RequestLog.Entry entry = there.get();
      if (!entry.done() && clock.instant().isAfter(entry.claimTime().plus(ABANDONED))
          && log.takeOver(key, entry.claimTime(), clock.instant())) {
        return runHeld(key, work);
      }
      if (!Arrays.equals(entry.requestHash(), requestHash)) {
        String message = "already identifies an earlier request with other content; nothing was run";
        throw new CskpiException(CskpiException.Kind.ALREADY_EXISTS, REQUEST_ID_REUSED, field + " " + message,
            List.of(new FieldViolation(field, message)));
      }
      if (entry.done()) {
        return entry.response();
      }
      if (System.nanoTime() > waitUntil) {
        throw new CskpiException(CskpiException.Kind.UNAVAILABLE, REQUEST_IN_PROGRESS,
            "the same request is still running; retry it to get its response");
      }
      pause();
    }
  }

  private byte[] runHeld(RequestLog.Key key, Supplier<byte[]> work) {
    byte[] response;
    try {
      response = work.get();
    } catch (RuntimeException e) {
      try {
        CallScope.detached(() -> {
          log.release(key);
          return null;
        });
      } catch (RuntimeException releaseFailed) {
        e.addSuppressed(releaseFailed); // the claim is taken over once abandoned
      }
      throw e;
    }
    // the claim is settled even when the call is over (past its deadline, cancelled), or it would
    // block its retries until taken over as abandoned
    CallScope.detached(() -> {
      log.complete(key, response);
      return null;
    });
    return response;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CskpiException(CskpiException.Kind.UNAVAILABLE, REQUEST_IN_PROGRESS, "interrupted; retry");
    }
  }
}
