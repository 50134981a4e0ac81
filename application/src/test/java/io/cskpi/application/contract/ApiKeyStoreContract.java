package io.cskpi.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.application.ApiKeys;
import io.cskpi.application.port.ApiKeyRepository;
import io.cskpi.application.port.ApiKeyRepository.StoredKey;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store of API keys must do, through {@link ApiKeys}, on the fakes and on MySQL. */
public abstract class ApiKeyStoreContract {

  private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.123456Z");
  private ApiKeys keys;
  private TenantId tenant;

  protected abstract ApiKeyRepository repository();

  @BeforeEach
  void setUp() {
    keys = new ApiKeys(repository(), Clock.fixed(NOW, ZoneOffset.UTC));
    tenant = new TenantId("t" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void anIssuedKeyAuthenticatesAsItsTenantUntilRevoked() {
    ApiKeys.Issued issued = keys.issue(Optional.of(tenant), "ci");

    assertThat(issued.key()).matches("cskpi_[0-9a-f]{12}_[A-Za-z0-9_-]{43}").contains(issued.stored().keyId());
    assertThat(keys.authenticate(issued.key())).isEqualTo(issued.stored());
    assertThat(keys.list(Optional.of(tenant))).containsExactly(
        new StoredKey(issued.stored().keyId(), Optional.of(tenant), "ci", NOW, Optional.empty()));

    keys.revoke(issued.stored().keyId());

    assertThatThrownBy(() -> keys.authenticate(issued.key())).isInstanceOfSatisfying(CskpiException.class,
        e -> assertThat(e.kind()).isEqualTo(CskpiException.Kind.UNAUTHENTICATED));
    assertThat(keys.list(Optional.of(tenant))).singleElement()
        .satisfies(k -> assertThat(k.revokeTime()).contains(NOW));
    assertThatThrownBy(() -> keys.revoke(issued.stored().keyId())).isInstanceOfSatisfying(CskpiException.class,
        e -> assertThat(e.kind()).isEqualTo(CskpiException.Kind.NOT_FOUND));
  }

  @Test
  void anAdministratorKeyHasNoTenant() {
    ApiKeys.Issued issued = keys.issue(Optional.empty(), "operator");

    assertThat(keys.authenticate(issued.key()).tenant()).isEmpty();
    assertThat(keys.list(Optional.empty())).contains(issued.stored());
    assertThat(keys.list(Optional.of(tenant))).isEmpty();
  }

  @Test
  void anAlteredOrUnknownKeyIsRefused() {
    ApiKeys.Issued issued = keys.issue(Optional.of(tenant), "");
    String altered = issued.key().substring(0, issued.key().length() - 1)
        + (issued.key().endsWith("A") ? "B" : "A");

    for (String key : new String[] {altered, "", "x".repeat(10_000), issued.stored().keyId()}) {
      assertThatThrownBy(() -> keys.authenticate(key)).isInstanceOfSatisfying(CskpiException.class,
          e -> assertThat(e.kind()).isEqualTo(CskpiException.Kind.UNAUTHENTICATED));
    }
  }
}
