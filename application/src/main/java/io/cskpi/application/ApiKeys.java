package io.cskpi.application;

import io.cskpi.application.port.ApiKeyRepository;
import io.cskpi.application.port.ApiKeyRepository.StoredKey;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys: "cskpi_{key id}_{secret}", 256 random bits of secret. A key is stored as its SHA-256
 * (a key is random, not a password: a slow hash would add nothing), is shown once when issued, and
 * reaches one tenant (or, an administrator key, every tenant) until revoked.
 */
public final class ApiKeys {

  /** An issued key: its id (safe to log and to list) and the key itself, shown only now. */
  public record Issued(StoredKey stored, String key) {}

  private static final int MAX_KEY_LENGTH = 200;
  private static final int MAX_LABEL_LENGTH = 200;
  private final ApiKeyRepository keys;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ApiKeys(ApiKeyRepository keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public Issued issue(Optional<TenantId> tenant, String label) {
    if (label.length() > MAX_LABEL_LENGTH || label.chars().anyMatch(Character::isISOControl)) {
      throw CskpiException.invalid("label", "must be at most " + MAX_LABEL_LENGTH + " characters, no control characters");
    }
    String keyId = HexFormat.of().formatHex(randomBytes(6));
    String key = "cskpi_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    StoredKey stored = new StoredKey(keyId, tenant, label, clock.instant(), Optional.empty());
    keys.add(stored, hash(key));
    return new Issued(stored, key);
  }

  /** The active key {@code key} is; UNAUTHENTICATED for anything else, without saying why. */
  public StoredKey authenticate(String key) {
    Optional<StoredKey> found = key.isEmpty() || key.length() > MAX_KEY_LENGTH ? Optional.empty()
        : keys.findByHash(hash(key));
    return found.filter(StoredKey::active).orElseThrow(() -> new CskpiException(
        CskpiException.Kind.UNAUTHENTICATED, "INVALID_API_KEY", "the API key is not valid or was revoked"));
  }

  public List<StoredKey> list(Optional<TenantId> tenant) {
    return keys.list(tenant);
  }

  /** Revokes a key by id; NOT_FOUND when no active key has it. */
  public void revoke(String keyId) {
    if (!keys.revoke(keyId, clock.instant())) {
      throw CskpiException.notFound("API_KEY_NOT_FOUND", "no active API key has the id \"" + keyId + "\"", "key_id");
    }
  }

  private byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
