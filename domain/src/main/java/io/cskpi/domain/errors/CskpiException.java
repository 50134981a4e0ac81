package io.cskpi.domain.errors;

import java.util.List;

/**
 * The closed set of failures the service reports to clients. Each carries a machine reason in
 * UPPER_SNAKE_CASE; the gRPC adapter turns the kind into a status code.
 */
public class CskpiException extends RuntimeException {

  /** What kind of failure, mapped one to one onto a gRPC status code at the edge. */
  public enum Kind {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    FAILED_PRECONDITION,
    UNAVAILABLE,
    UNAUTHENTICATED,
    PERMISSION_DENIED,
    RESOURCE_EXHAUSTED
  }

  private final Kind kind;
  private final String reason;
  private final List<FieldViolation> violations;

  public CskpiException(Kind kind, String reason, String message, List<FieldViolation> violations) {
    super(message);
    this.kind = kind;
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  public CskpiException(Kind kind, String reason, String message) {
    this(kind, reason, message, List.of());
  }

  public static CskpiException invalid(String field, String description) {
    return invalid(List.of(new FieldViolation(field, description)));
  }

  public static CskpiException invalid(List<FieldViolation> violations) {
    String message = violations.size() == 1
        ? violations.get(0).field() + ": " + violations.get(0).description()
        : violations.size() + " invalid fields, first " + violations.get(0).field() + ": "
            + violations.get(0).description();
    return new CskpiException(Kind.INVALID_ARGUMENT, "INVALID_FIELDS", message, violations);
  }

  public static CskpiException notFound(String reason, String message, String field) {
    return new CskpiException(Kind.NOT_FOUND, reason, message,
        List.of(new FieldViolation(field, message)));
  }

  public Kind kind() {
    return kind;
  }

  public String reason() {
    return reason;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** The same failure with every field path put under {@code parent}. */
  public CskpiException under(String parent) {
    List<FieldViolation> moved = violations.stream().map(v -> v.under(parent)).toList();
    return kind == Kind.INVALID_ARGUMENT && !moved.isEmpty() ? invalid(moved)
        : new CskpiException(kind, reason, getMessage(), moved);
  }
}
