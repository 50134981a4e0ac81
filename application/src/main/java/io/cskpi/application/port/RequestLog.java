package io.cskpi.application.port;

import io.cskpi.domain.TenantId;
import java.util.Optional;

/**
 * The results of requests that must run once (AIP-155 request ids, batches of a streamed import):
 * what a request was (a hash) and what it answered, by key.
 */
public interface RequestLog {

  /**
   * A request in a tenant: one call of {@code method} with {@code requestId}, or batch
   * {@code sequence} (from 1) of an import; sequence 0 for a unary call.
   */
  record Key(TenantId tenant, String method, String requestId, long sequence) {}

  /** A request's hash and the response it got. */
  record Entry(byte[] requestHash, byte[] response) {}

  Optional<Entry> find(Key key);

  /**
   * Keeps {@code entry} unless the key already has one, and returns the one kept: the first of
   * two concurrent saves wins and both callers get it.
   */
  Entry save(Key key, Entry entry);

  /** The highest sequence saved for {@code requestId} of {@code method}; 0 when there is none. */
  long lastSequence(TenantId tenant, String method, String requestId);
}
