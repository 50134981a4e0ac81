package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/** A resolved half-open interval [start, end) of instants, with the zone and label it came from. */
public record Period(Instant start, Instant end, ZoneId zone, String label) {

  private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

  public Period {
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
    Objects.requireNonNull(zone);
    if (!end.isAfter(start)) {
      throw CskpiException.invalid("period.interval.end_time", "must be after the start time");
    }
  }

  /**
   * The explicit interval [start, end), labelled in ISO-8601, at the store's microsecond
   * precision (finer digits are dropped, as they are from stored instants).
   */
  public static Period between(Instant start, Instant end, ZoneId zone) {
    Instant first = Instants.check("period.interval.start_time", start);
    Instant last = Instants.check("period.interval.end_time", end);
    return new Period(first, last, zone, first + "/" + last);
  }

  /** The calendar period of {@code unit} that contains {@code date}, bounded by local midnights. */
  public static Period calendar(CalendarUnit unit, LocalDate date, ZoneId zone) {
    LocalDate first = unit.startOf(date);
    return ofLocalDates(unit, first, unit.plus(first, 1), zone);
  }

  /** {@code count} consecutive calendar periods, oldest first, the first one containing {@code date}. */
  public static List<Period> calendarSeries(CalendarUnit unit, LocalDate date, int count,
      ZoneId zone) {
    LocalDate anchor = unit.startOf(date);
    return IntStream.range(0, count)
        .mapToObj(i -> ofLocalDates(unit, unit.plus(anchor, i), unit.plus(anchor, i + 1), zone))
        .toList();
  }

  private static Period ofLocalDates(CalendarUnit unit, LocalDate first, LocalDate next, ZoneId zone) {
    Instant start = first.atStartOfDay(zone).toInstant();
    Instant end = next.atStartOfDay(zone).toInstant();
    if (!end.isAfter(start)) {
      throw CskpiException.invalid("period.calendar.date", first + " does not exist in the time zone " + zone);
    }
    return new Period(start, end, zone, unit.label(first));
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** Length in seconds, exact to the nanosecond. */
  public BigDecimal seconds() {
    return BigDecimal.valueOf(length().getSeconds()).add(BigDecimal.valueOf(length().getNano(), 9));
  }

  /** Length in days (seconds / 86400), exact. */
  public BigDecimal days() {
    return seconds().divide(SECONDS_PER_DAY, MathContext.DECIMAL128);
  }

  /** The local date the period starts on, in its zone. */
  public LocalDate firstDate() {
    return start.atZone(zone).toLocalDate();
  }

  /** The first local date after the period: its end's date, or the next one when it ends within a day. */
  public LocalDate dateAfter() {
    var end = this.end.atZone(zone);
    return end.toLocalTime().equals(LocalTime.MIDNIGHT) ? end.toLocalDate() : end.toLocalDate().plusDays(1);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
