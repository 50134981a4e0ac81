package io.cskpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.domain.errors.CskpiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

  @ParameterizedTest(name = "{0} plus {1} months is {2}")
  @CsvSource({
      "2024-01-31, 1, 2024-02-29",
      "2024-01-31, 2, 2024-03-31",
      "2024-01-31, 3, 2024-04-30",
      "2024-12-31, 2, 2025-02-28",
  })
  void monthArithmeticCountsFromTheAnchor(LocalDate anchor, long months, LocalDate expected) {
    assertThat(CalendarUnit.MONTH.plus(anchor, months)).isEqualTo(expected);
  }

  @Test
  void february2024Has29Days() {
    Period february = Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2024-02-10"), ZoneOffset.UTC);

    assertThat(february.length()).isEqualTo(Duration.ofDays(29));
    assertThat(february.days()).isEqualByComparingTo("29");
    assertThat(february.label()).isEqualTo("2024-02");
  }

  @ParameterizedTest(name = "{0} in {1} of {2}: {3}")
  @CsvSource({
      "DAY, 2024-03-31, UTC, 2024-03-31, 2024-03-31T00:00:00Z, 2024-04-01T00:00:00Z",
      "WEEK, 2024-02-01, UTC, 2024-W05, 2024-01-29T00:00:00Z, 2024-02-05T00:00:00Z",
      "WEEK, 2021-01-03, UTC, 2020-W53, 2020-12-28T00:00:00Z, 2021-01-04T00:00:00Z",
      "QUARTER, 1997-02-14, UTC, 1997-Q1, 1997-01-01T00:00:00Z, 1997-04-01T00:00:00Z",
      "QUARTER, 1998-12-31, UTC, 1998-Q4, 1998-10-01T00:00:00Z, 1999-01-01T00:00:00Z",
      "YEAR, 1997-06-01, UTC, 1997, 1997-01-01T00:00:00Z, 1998-01-01T00:00:00Z",
      "MONTH, 2024-04-15, Asia/Shanghai, 2024-04, 2024-03-31T16:00:00Z, 2024-04-30T16:00:00Z",
      // DST: March in Madrid is one hour short of 31 days
      "MONTH, 2024-03-15, Europe/Madrid, 2024-03, 2024-02-29T23:00:00Z, 2024-03-31T22:00:00Z",
  })
  void calendarPeriodsAreBoundedByLocalMidnights(CalendarUnit unit, LocalDate date, String zone,
      String label, Instant start, Instant end) {
    Period period = Period.calendar(unit, date, ZoneId.of(zone));

    assertThat(period.label()).isEqualTo(label);
    assertThat(period.start()).isEqualTo(start);
    assertThat(period.end()).isEqualTo(end);
  }

  @Test
  void periodsFollowTheTenantZone() {
    Instant instant = Instant.parse("2024-03-31T16:30:00Z");
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    ZoneId newYork = ZoneId.of("America/New_York");

    assertThat(Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2024-04-01"), shanghai).contains(instant)).isTrue();
    assertThat(Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2024-03-01"), ZoneOffset.UTC).contains(instant)).isTrue();
    assertThat(Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2017-02-01"), newYork)
        .contains(Instant.parse("2017-03-01T02:00:00Z"))).isTrue();
    assertThat(Period.calendar(CalendarUnit.MONTH, LocalDate.parse("2017-03-01"), newYork)
        .contains(Instant.parse("2017-03-01T05:00:00Z"))).isTrue();
    Period shanghaiDay = Period.calendar(CalendarUnit.DAY, LocalDate.parse("2023-12-13"), shanghai);
    assertThat(shanghaiDay.contains(Instant.parse("2023-12-12T17:30:00Z"))).isTrue();
    assertThat(shanghaiDay.contains(Instant.parse("2023-12-13T15:00:00Z"))).isTrue();
  }

  @Test
  void aSeriesCountsEachPeriodFromTheAnchor() {
    var series = Period.calendarSeries(CalendarUnit.MONTH, LocalDate.parse("2024-01-31"), 3, ZoneOffset.UTC);

    assertThat(series).extracting(Period::label).containsExactly("2024-01", "2024-02", "2024-03");
    assertThat(series.get(1).end()).isEqualTo(series.get(2).start());
  }

  @Test
  void anEndBeforeTheStartIsRefused() {
    Instant start = Instant.parse("2024-03-01T00:00:00Z");

    assertThatThrownBy(() -> Period.between(start, start.minusSeconds(1), ZoneOffset.UTC))
        .isInstanceOfSatisfying(CskpiException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field()).containsExactly("period.interval.end_time"));
  }

  @Test
  void aDayThatDoesNotExistInItsZoneIsNamed() {
    // Samoa skipped 2011-12-30 when it moved across the date line
    assertThatThrownBy(() -> Period.calendar(CalendarUnit.DAY, LocalDate.parse("2011-12-30"), ZoneId.of("Pacific/Apia")))
        .isInstanceOfSatisfying(CskpiException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field()).containsExactly("period.calendar.date"));
  }

  @Test
  void intervalsKeepTheStoresMicrosecondsAndItsRange() {
    Period period = Period.between(Instant.parse("2024-02-11T00:00:00.9999994Z"),
        Instant.parse("9999-12-31T23:59:59.9999995Z"), ZoneOffset.UTC);

    assertThat(period.start()).isEqualTo(Instant.parse("2024-02-11T00:00:00.999999Z"));
    assertThat(period.end()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    assertThatThrownBy(() -> Period.between(Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("+10000-01-01T00:00:00Z"), ZoneOffset.UTC)).isInstanceOf(CskpiException.class);
  }
}
