package io.cskpi.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Calendar units of periods. Boundaries are local dates; arithmetic always counts from an anchor. */
public enum CalendarUnit {
  DAY, WEEK, MONTH, QUARTER, YEAR;

  /** The first day of the period of this unit that contains {@code date}. */
  public LocalDate startOf(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> date.withDayOfMonth(1).withMonth(3 * ((date.getMonthValue() - 1) / 3) + 1);
      case YEAR -> date.withDayOfYear(1);
    };
  }

  /**
   * {@code anchor} plus {@code n} units, counted from the anchor and never chained: 2024-01-31
   * plus 1, 2, 3 months is 2024-02-29, 2024-03-31, 2024-04-30.
   */
  public LocalDate plus(LocalDate anchor, long n) {
    return switch (this) {
      case DAY -> anchor.plusDays(n);
      case WEEK -> anchor.plusWeeks(n);
      case MONTH -> anchor.plusMonths(n);
      case QUARTER -> anchor.plusMonths(3 * n);
      case YEAR -> anchor.plusYears(n);
    };
  }

  /** A label such as 2024-03-31, 2024-W05, 2024-02, 1997-Q1 or 1997 for the period starting at {@code start}. */
  public String label(LocalDate start) {
    return switch (this) {
      case DAY -> start.toString();
      case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
          start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
      case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
      case YEAR -> Integer.toString(start.getYear());
    };
  }
}
