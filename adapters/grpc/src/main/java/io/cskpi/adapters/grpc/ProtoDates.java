package io.cskpi.adapters.grpc;

import io.cskpi.domain.errors.CskpiException;
import java.time.DateTimeException;
import java.time.LocalDate;

/** google.type.Date to and from LocalDate, with the request field named when a date is bad. */
final class ProtoDates {

  private ProtoDates() {}

  /** A valid calendar date; INVALID_ARGUMENT on {@code field} otherwise. */
  static LocalDate fromProto(String field, com.google.type.Date date) {
    try {
      return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    } catch (DateTimeException e) {
      throw CskpiException.invalid(field, "is not a valid date");
    }
  }

  /** A required date of the years 1900 to 9998, the range a period or a fit may name. */
  static LocalDate required(String field, boolean present, com.google.type.Date date) {
    if (!present) {
      throw CskpiException.invalid(field, "is required");
    }
    LocalDate parsed = fromProto(field, date);
    if (parsed.getYear() < 1900 || parsed.getYear() > 9998) {
      throw CskpiException.invalid(field, "must be in the years 1900 to 9998");
    }
    return parsed;
  }

  static com.google.type.Date toProto(LocalDate date) {
    return com.google.type.Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue())
        .setDay(date.getDayOfMonth()).build();
  }
}
