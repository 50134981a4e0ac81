package io.cskpi.application.fakes;

import io.cskpi.application.port.RequestLog;
import io.cskpi.domain.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link RequestLog} in memory. */
public final class InMemoryRequestLog implements RequestLog {

  private final Map<Key, Entry> entries = new HashMap<>();

  @Override
  public synchronized Optional<Entry> claim(Key key, byte[] requestHash, Instant now) {
    Entry there = entries.putIfAbsent(key, new Entry(requestHash.clone(), now, null));
    return Optional.ofNullable(there);
  }

  @Override
  public synchronized boolean takeOver(Key key, Instant claimTime, Instant now) {
    Entry there = entries.get(key);
    if (there == null || there.done() || !there.claimTime().equals(claimTime)) {
      return false;
    }
    entries.put(key, new Entry(there.requestHash(), now, null));
    return true;
  }

  @Override
  public synchronized void complete(Key key, byte[] response) {
    entries.computeIfPresent(key, (k, e) -> e.done() ? e : new Entry(e.requestHash(), e.claimTime(), response));
  }

  @Override
  public synchronized void release(Key key) {
    entries.computeIfPresent(key, (k, e) -> e.done() ? e : null);
  }

  @Override
  public synchronized long lastSequence(TenantId tenant, String method, String requestId) {
    return entries.entrySet().stream().filter(e -> e.getValue().done()).map(Map.Entry::getKey)
        .filter(k -> k.tenant().equals(tenant) && k.method().equals(method) && k.requestId().equals(requestId))
        .mapToLong(Key::sequence).max().orElse(0);
  }
}
