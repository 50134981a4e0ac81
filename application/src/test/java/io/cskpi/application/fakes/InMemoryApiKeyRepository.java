package io.cskpi.application.fakes;

import io.cskpi.application.port.ApiKeyRepository;
import io.cskpi.domain.TenantId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ApiKeyRepository} in memory. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

  private final Map<ByteBuffer, StoredKey> byHash = new LinkedHashMap<>();

  @Override
  public synchronized void add(StoredKey key, byte[] keyHash) {
    byHash.put(ByteBuffer.wrap(keyHash.clone()), key);
  }

  @Override
  public synchronized Optional<StoredKey> findByHash(byte[] keyHash) {
    return Optional.ofNullable(byHash.get(ByteBuffer.wrap(keyHash)));
  }

  @Override
  public synchronized List<StoredKey> list(Optional<TenantId> tenant) {
    return byHash.values().stream().filter(k -> tenant.isEmpty() || k.tenant().equals(tenant))
        .sorted(Comparator.comparing(StoredKey::createTime).thenComparing(StoredKey::keyId)).toList();
  }

  @Override
  public synchronized boolean revoke(String keyId, Instant when) {
    for (Map.Entry<ByteBuffer, StoredKey> entry : new ArrayList<>(byHash.entrySet())) {
      StoredKey key = entry.getValue();
      if (key.keyId().equals(keyId) && key.active()) {
        entry.setValue(new StoredKey(key.keyId(), key.tenant(), key.label(), key.createTime(), Optional.of(when)));
        return true;
      }
    }
    return false;
  }
}
