package io.cskpi.application.port;

import io.cskpi.domain.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * The requests that must run once (AIP-155 request ids, batches of a streamed import), by key: what
 * a request was (a hash), when it was claimed and, once it ran, what it answered. A key is claimed
 * before the request runs, so that of two concurrent requests under one key only one runs.
 */
public interface RequestLog {

  /**
   * A request in a tenant: one call of {@code method} with {@code requestId}, or batch
   * {@code sequence} (from 1) of an import; sequence 0 for a unary call.
   */
  record Key(TenantId tenant, String method, String requestId, long sequence) {}

  /** A request's hash, when it was claimed, and its response: null while it runs. */
  record Entry(byte[] requestHash, Instant claimTime, byte[] response) {

    public boolean done() {
      return response != null;
    }
  }

  /**
   * Claims {@code key} for the request hashed {@code requestHash} at {@code now}: empty when the
   * caller now holds it (and must {@link #complete} or {@link #release} it), else the entry there.
   * A concurrent claim of the same key waits for this one to be stored, then finds it.
   */
  Optional<Entry> claim(Key key, byte[] requestHash, Instant now);

  /** Takes over a claim made at {@code claimTime} and never completed: true when the caller now holds it. */
  boolean takeOver(Key key, Instant claimTime, Instant now);

  /** Stores the response of the held claim {@code key}. */
  void complete(Key key, byte[] response);

  /** Gives up the held claim {@code key} (its request failed): the key is free again. */
  void release(Key key);

  /** The highest completed sequence of {@code requestId} of {@code method}; 0 when there is none. */
  long lastSequence(TenantId tenant, String method, String requestId);
}
