package io.cskpi.adapters.grpc;

import io.cskpi.application.TenantLookup;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Supplier;

/** Runs a unary call: the answer, or the failure as a status naming the tenant's field. */
final class Rpc {

  private Rpc() {}

  /**
   * Completes {@code observer} with {@code work}'s result, or fails it; a missing tenant is
   * reported on {@code tenantField} (parent, name, tenant).
   */
  static <T> void unary(StreamObserver<T> observer, String tenantField, Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (CskpiException e) {
      observer.onError(GrpcErrors.toStatus(namingTenantField(e, tenantField)));
      return;
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
      return;
    }
    observer.onNext(result);
    observer.onCompleted();
  }

  static CskpiException namingTenantField(CskpiException e, String tenantField) {
    if (!e.reason().equals(TenantLookup.TENANT_NOT_FOUND) || !e.violations().isEmpty()) {
      return e;
    }
    return new CskpiException(e.kind(), e.reason(), e.getMessage(),
        List.of(new FieldViolation(tenantField, e.getMessage())));
  }
}
