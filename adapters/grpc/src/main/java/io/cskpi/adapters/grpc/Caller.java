package io.cskpi.adapters.grpc;

import io.cskpi.application.port.ApiKeyRepository.StoredKey;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import io.grpc.Context;
import java.util.List;

/**
 * The API key of the running call, put in the gRPC context by {@link Authentication}. Every tenant
 * named in a request passes {@link #reach}: a call without a key reaches nothing, a tenant key only
 * its tenant, an administrator key every tenant.
 */
final class Caller {

  static final Context.Key<StoredKey> KEY = Context.key("cskpi-api-key");

  private Caller() {}

  /** {@code tenant}, when the call's key reaches it; PERMISSION_DENIED on {@code field} otherwise. */
  static TenantId reach(String field, TenantId tenant) {
    StoredKey key = KEY.get();
    if (key == null) {
      throw new CskpiException(CskpiException.Kind.UNAUTHENTICATED, "API_KEY_REQUIRED",
          "this call needs an API key");
    }
    if (key.tenant().isPresent() && !key.tenant().get().equals(tenant)) {
      String message = "the API key does not reach tenant \"" + tenant + "\"";
      throw new CskpiException(CskpiException.Kind.PERMISSION_DENIED, "OTHER_TENANT", message,
          List.of(new FieldViolation(field, message)));
    }
    return tenant;
  }
}
