package io.cskpi.adapters.grpc;

import io.cskpi.application.CallScope;
import io.cskpi.application.TenantLookup;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a unary call: the answer, or the failure as a status naming the tenant's field. The work
 * runs in a {@link CallScope} of the call's gRPC context, which is cancelled when the client
 * cancels and when the deadline passes: the store then starts no more statements and stops the
 * running ones. A call that is over fails DEADLINE_EXCEEDED or CANCELLED, whatever its work threw.
 */
final class Rpc {

  private Rpc() {}

  /**
   * Completes {@code observer} with {@code work}'s result, or fails it; a missing tenant is
   * reported on {@code tenantField} (parent, name, tenant).
   */
  static <T> void unary(StreamObserver<T> observer, String tenantField, Supplier<T> work) {
    Context context = Context.current();
    T result;
    try {
      if (context.isCancelled()) {
        throw new CallScope.OverException();
      }
      result = inCallScope(work);
    } catch (RuntimeException e) {
      observer.onError(context.isCancelled() ? Contexts.statusFromCancelled(context).asRuntimeException()
          : e instanceof CskpiException known ? GrpcErrors.toStatus(namingTenantField(known, tenantField))
          : GrpcErrors.toStatus(e));
      return;
    }
    observer.onNext(result);
    observer.onCompleted();
  }

  /** Runs {@code work} in the {@link CallScope} of the current call: stopped when the call is over. */
  static <T> T inCallScope(Supplier<T> work) {
    return CallScope.run(call(Context.current()), work);
  }

  private static CallScope.Call call(Context context) {
    return new CallScope.Call() {
      @Override
      public boolean isOver() {
        return context.isCancelled();
      }

      @Override
      public CallScope.Registration whenOver(Runnable action) {
        Context.CancellationListener listener = cancelled -> action.run();
        context.addListener(listener, Runnable::run);
        return () -> context.removeListener(listener);
      }
    };
  }

  static CskpiException namingTenantField(CskpiException e, String tenantField) {
    if (!e.reason().equals(TenantLookup.TENANT_NOT_FOUND) || !e.violations().isEmpty()) {
      return e;
    }
    return new CskpiException(e.kind(), e.reason(), e.getMessage(),
        List.of(new FieldViolation(tenantField, e.getMessage())));
  }
}
