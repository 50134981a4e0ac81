package io.cskpi.application.port;

import io.cskpi.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys, kept as the SHA-256 of the key: the key itself is never stored. */
public interface ApiKeyRepository {

  /**
   * A key's record: the tenant it reaches (none: an administrator key, reaching every tenant), when
   * it was made and, if it was, revoked.
   */
  record StoredKey(String keyId, Optional<TenantId> tenant, String label, Instant createTime, Optional<Instant> revokeTime) {

    public boolean active() {
      return revokeTime.isEmpty();
    }
  }

  void add(StoredKey key, byte[] keyHash);

  /** The key whose hash this is, revoked or not. */
  Optional<StoredKey> findByHash(byte[] keyHash);

  /** Every key, or a tenant's, oldest first. */
  List<StoredKey> list(Optional<TenantId> tenant);

  /** Revokes a key that is active; false when there is no such key or it was already revoked. */
  boolean revoke(String keyId, Instant when);
}
