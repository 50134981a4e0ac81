package io.cskpi.adapters.grpc;

import io.cskpi.application.ApiKeys;
import io.cskpi.application.port.ApiKeyRepository.StoredKey;
import io.cskpi.domain.errors.CskpiException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/**
 * Requires {@code authorization: Bearer <API key>} metadata on every call of the cskpi services and
 * puts the key's record in the context ({@link Caller}); UNAUTHENTICATED without a valid key. The
 * key itself goes nowhere else: not in the context, not in a log, not in an error. The look-up runs
 * in the call's scope, so a database that hangs does not hold the call past its deadline.
 */
final class Authentication implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "bearer ";

  private final ApiKeys keys;

  Authentication(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    StoredKey key;
    try {
      String token = bearerToken(headers.get(AUTHORIZATION));
      key = Rpc.inCallScope(() -> keys.authenticate(token));
    } catch (RuntimeException e) {
      StatusRuntimeException status = Context.current().isCancelled()
          ? Contexts.statusFromCancelled(Context.current()).asRuntimeException() : GrpcErrors.toStatus(e);
      call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(Context.current().withValue(Caller.KEY, key), call, headers, next);
  }

  private static String bearerToken(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw new CskpiException(CskpiException.Kind.UNAUTHENTICATED, "API_KEY_REQUIRED",
          "send an API key as \"authorization: Bearer <key>\" metadata");
    }
    return authorization.substring(BEARER.length()).strip();
  }
}
