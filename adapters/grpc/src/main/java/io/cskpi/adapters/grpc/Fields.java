package io.cskpi.adapters.grpc;

import com.google.protobuf.Timestamp;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Mapping request fields to domain values, with every violation named by its full path. */
final class Fields {

  private static final long MIN_SECONDS = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
  private static final long MAX_SECONDS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private Fields() {}

  /** Maps every item, collecting the violations of all of them under {@code field[i]}. */
  static <P, D> List<D> mapAll(String field, List<P> items, Function<P, D> mapper) {
    List<D> mapped = new ArrayList<>(items.size());
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        mapped.add(mapper.apply(items.get(i)));
      } catch (CskpiException e) {
        if (e.kind() != CskpiException.Kind.INVALID_ARGUMENT) {
          throw e;
        }
        violations.addAll(e.under(field + "[" + i + "]").violations());
      }
    }
    if (!violations.isEmpty()) {
      throw CskpiException.invalid(violations);
    }
    return mapped;
  }

  /** Maps one value, putting its violations under {@code field}. */
  static <T> T under(String field, java.util.function.Supplier<T> mapper) {
    try {
      return mapper.get();
    } catch (CskpiException e) {
      throw e.kind() == CskpiException.Kind.INVALID_ARGUMENT ? e.under(field) : e;
    }
  }

  /** A required timestamp; null when {@code present} is false. */
  static Instant instant(String field, boolean present, Timestamp timestamp) {
    if (!present) {
      return null;
    }
    if (timestamp.getSeconds() < MIN_SECONDS || timestamp.getSeconds() > MAX_SECONDS
        || timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
      throw CskpiException.invalid(field, "is not a valid timestamp");
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
