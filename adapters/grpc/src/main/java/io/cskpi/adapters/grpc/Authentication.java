package io.cskpi.adapters.grpc;

import io.cskpi.application.ApiKeys;
import io.cskpi.application.port.ApiKeyRepository.StoredKey;
import io.cskpi.domain.errors.CskpiException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
    Iterable<String> given = headers.getAll(AUTHORIZATION);
    List<String> values = new ArrayList<>();
    (given == null ? List.<String>of() : given).forEach(values::add);
    // two keys in one call are refused rather than one of them picked
    String authorization = values.size() == 1 ? values.get(0) : null;
    Optional<StoredKey> key = authenticated(authorization, call);
    if (key.isEmpty()) {
      return new ServerCall.Listener<>() {};
    }
    ServerCall.Listener<Q> listener =
        Contexts.interceptCall(Context.current().withValue(Caller.KEY, key.get()), call, headers, next);
    if (call.getMethodDescriptor().getType().clientSendsOneMessage()) {
      return listener;
    }
    // a stream may outlive its key: each message is let through only while the key is valid
    return new SimpleForwardingServerCallListener<>(listener) {
      private boolean refused;

      @Override
      public void onMessage(Q message) {
        refused = refused || authenticated(authorization, call).isEmpty();
        if (!refused) {
          super.onMessage(message);
        }
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          super.onHalfClose();
        }
      }
    };
  }

  /** The valid key of {@code authorization}; empty when there is none, {@code call} then closed. */
  private Optional<StoredKey> authenticated(String authorization, ServerCall<?, ?> call) {
    try {
      String token = bearerToken(authorization);
      return Optional.of(Rpc.inCallScope(() -> keys.authenticate(token)));
    } catch (RuntimeException e) {
      StatusRuntimeException status = Context.current().isCancelled()
          ? Contexts.statusFromCancelled(Context.current()).asRuntimeException() : GrpcErrors.toStatus(e);
      call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
      return Optional.empty();
    }
  }

  private static String bearerToken(String authorization) {
    String token = authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER) ? ""
        : authorization.substring(BEARER.length()).strip();
    if (token.isEmpty()) {
      throw new CskpiException(CskpiException.Kind.UNAUTHENTICATED, "API_KEY_REQUIRED",
          "send one API key as \"authorization: Bearer <key>\" metadata");
    }
    return token;
  }
}
