package io.cskpi.application.fakes;

import io.cskpi.application.port.RequestLog;
import io.cskpi.domain.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RequestLog} in memory. */
public final class InMemoryRequestLog implements RequestLog {

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<Entry> find(Key key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public Entry save(Key key, Entry entry) {
    Entry first = entries.putIfAbsent(key, entry);
    return first == null ? entry : first;
  }

  @Override
  public long lastSequence(TenantId tenant, String method, String requestId) {
    return entries.keySet().stream()
        .filter(k -> k.tenant().equals(tenant) && k.method().equals(method) && k.requestId().equals(requestId))
        .mapToLong(Key::sequence).max().orElse(0);
  }
}
