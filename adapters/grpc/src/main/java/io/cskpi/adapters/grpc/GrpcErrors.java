package io.cskpi.adapters.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become gRPC statuses: a {@code google.rpc.Status} with an
 * {@code ErrorInfo} (reason, domain "cskpi.io") and, for field violations, a {@code BadRequest}.
 * Anything unexpected is INTERNAL with a generic message, logged once with its stack trace.
 */
final class GrpcErrors {

  static final String DOMAIN = "cskpi.io";
  static final int MAX_TEXT = 300;
  /** Violations past this many are counted in the message, not listed, so trailers stay small. */
  static final int MAX_VIOLATIONS = 20;
  private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

  private GrpcErrors() {}

  static StatusRuntimeException toStatus(Throwable failure) {
    if (failure instanceof StatusRuntimeException status) {
      return status;
    }
    if (failure instanceof CskpiException known) {
      int unlisted = known.violations().size() - MAX_VIOLATIONS;
      String message = bounded(known.getMessage()) + (unlisted > 0 ? " (" + unlisted + " more not listed)" : "");
      return toStatus(code(known.kind()), known.reason(), message, known);
    }
    LOG.error("unexpected failure", failure);
    return toStatus(Code.INTERNAL, "INTERNAL", "internal error; it has been logged", null);
  }

  private static StatusRuntimeException toStatus(Code code, String reason, String message, CskpiException known) {
    com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(bounded(message))
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN).build()));
    if (known != null && !known.violations().isEmpty()) {
      BadRequest.Builder badRequest = BadRequest.newBuilder();
      for (FieldViolation violation : known.violations().stream().limit(MAX_VIOLATIONS).toList()) {
        badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
            .setField(bounded(violation.field())).setDescription(bounded(violation.description())));
      }
      status.addDetails(Any.pack(badRequest.build()));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }

  /**
   * Text that echoes client input is cut to {@value #MAX_TEXT} characters (never inside a
   * surrogate pair), so that an error always fits in the response headers.
   */
  static String bounded(String text) {
    if (text == null || text.codePointCount(0, text.length()) <= MAX_TEXT) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT)) + "...";
  }

  private static Code code(CskpiException.Kind kind) {
    return switch (kind) {
      case INVALID_ARGUMENT -> Code.INVALID_ARGUMENT;
      case NOT_FOUND -> Code.NOT_FOUND;
      case ALREADY_EXISTS -> Code.ALREADY_EXISTS;
      case FAILED_PRECONDITION -> Code.FAILED_PRECONDITION;
      case UNAVAILABLE -> Code.UNAVAILABLE;
      case UNAUTHENTICATED -> Code.UNAUTHENTICATED;
      case PERMISSION_DENIED -> Code.PERMISSION_DENIED;
      case RESOURCE_EXHAUSTED -> Code.RESOURCE_EXHAUSTED;
    };
  }
}
