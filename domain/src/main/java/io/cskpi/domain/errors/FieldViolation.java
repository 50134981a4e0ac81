package io.cskpi.domain.errors;

/** One offending request field, named by its path (for example {@code purchases[3].amount}). */
public record FieldViolation(String field, String description) {

  /** The same violation under a parent path: {@code amount} under {@code purchases[3]}. */
  public FieldViolation under(String parent) {
    if (parent.isEmpty()) {
      return this;
    }
    return new FieldViolation(field.isEmpty() ? parent : parent + "." + field, description);
  }
}
