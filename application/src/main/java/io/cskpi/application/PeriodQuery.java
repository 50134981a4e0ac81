package io.cskpi.application;

import io.cskpi.domain.CalendarUnit;
import io.cskpi.domain.Period;
import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A period as a client asks for it; resolved against the tenant's zone. */
public sealed interface PeriodQuery {

  /** The most consecutive periods one call may ask for. */
  int MAX_SERIES = 36;

  Period resolve(ZoneId tenantZone);

  /** {@code count} consecutive periods from this one, oldest first (calendar periods only). */
  default List<Period> resolveSeries(ZoneId tenantZone, int count) {
    if (count < 1 || count > MAX_SERIES) {
      throw CskpiException.invalid("period_count", "must be 1 to " + MAX_SERIES + ", was " + count);
    }
    if (count == 1) {
      return List.of(resolve(tenantZone));
    }
    if (!(this instanceof Calendar calendar)) {
      throw CskpiException.invalid("period_count", "a series needs a calendar period, not an interval");
    }
    List<Period> series = Period.calendarSeries(calendar.unit(), calendar.date(), count,
        calendar.zone() == null ? tenantZone : calendar.zone());
    if (series.get(series.size() - 1).end().isAfter(io.cskpi.domain.Instants.LATEST)) {
      throw CskpiException.invalid("period_count", "the series would run past the year 9999");
    }
    return series;
  }

  /** Two instants, [start, end). */
  record Interval(Instant start, Instant end) implements PeriodQuery {
    @Override
    public Period resolve(ZoneId tenantZone) {
      return Period.between(start, end, tenantZone);
    }
  }

  /** The calendar period of {@code unit} containing {@code date}, in {@code zone} or the tenant's. */
  record Calendar(CalendarUnit unit, LocalDate date, ZoneId zone) implements PeriodQuery {
    @Override
    public Period resolve(ZoneId tenantZone) {
      return Period.calendar(unit, date, zone == null ? tenantZone : zone);
    }
  }
}
