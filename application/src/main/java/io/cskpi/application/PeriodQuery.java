package io.cskpi.application;

import io.cskpi.domain.CalendarUnit;
import io.cskpi.domain.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A period as a client asks for it; resolved against the tenant's zone. */
public sealed interface PeriodQuery {

  Period resolve(ZoneId tenantZone);

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
