package io.cskpi.domain.kpi.predictive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How a BG/NBD fit compares with what its customers did (Fader, Hardie and Lee 2005, figures 3 and
 * 4): the repeat purchase days expected and made in a holdout window after the calibration date,
 * per calibration frequency, and week by week, cumulated, from the first customer's first purchase
 * day. Times are weeks of days / 7; week k ends on the first purchase day + 7k - 1 days (the last
 * one on the holdout's last day), and a
 * customer's time at the end of a day D is (D - first purchase day) / 7, as T is at the
 * calibration date.
 *
 * @param holdoutWeeks the holdout's length: (holdout end - calibration end) / 7
 * @param groups customers by calibration frequency x, the last group holding x and more
 * @param weeks the cumulative repeat purchase days, actual and expected, oldest week first
 */
public record HoldoutComparison(double holdoutWeeks, List<FrequencyGroup> groups, List<Week> weeks) {

  /** Most weeks a comparison tracks (about 19 years). */
  public static final int MAX_WEEKS = 1_000;

  /**
   * Customers with calibration frequency {@code frequency} (or more, in the last group), their
   * actual and expected repeat purchase days in the holdout.
   */
  public record FrequencyGroup(int frequency, boolean orMore, long customers, long actualPurchases,
      double expectedPurchases) {}

  /** Cumulative repeat purchase days up to the end of {@code lastDate}. */
  public record Week(int week, LocalDate lastDate, long actualCumulative, double expectedCumulative) {}

  /**
   * Customers that share a calibration history and how many purchase days they made in the holdout.
   *
   * @param customers how many customers have this history
   * @param holdoutPurchases their purchase days in the holdout, together
   */
  public record HistoryCount(CustomerHistory history, long customers, long holdoutPurchases) {}

  /**
   * @param calibrationEnd the fit's calibration date
   * @param holdoutEnd the last day of the holdout, after {@code calibrationEnd}
   * @param frequencyGroups groups x = 0 .. n - 2 and "n - 1 or more"
   * @param histories the fit's customers, grouped by history
   * @param repeatPurchasesByDate repeat purchase days (a customer's days after its first) per date,
   *     up to {@code holdoutEnd}
   */
  public static HoldoutComparison of(BgNbdParameters model, LocalDate calibrationEnd, LocalDate holdoutEnd,
      int frequencyGroups, List<HistoryCount> histories, Map<LocalDate, Long> repeatPurchasesByDate) {
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException("the holdout ends after the calibration date");
    }
    if (frequencyGroups < 1) {
      throw new IllegalArgumentException("at least one frequency group");
    }
    double holdoutWeeks = weeks(calibrationEnd, holdoutEnd);
    List<FrequencyGroup> groups = groups(model, holdoutWeeks, frequencyGroups, histories);
    NavigableMap<LocalDate, Long> firstDays = new TreeMap<>();
    for (HistoryCount h : histories) {
      firstDays.merge(calibrationEnd.minusDays(Math.round(h.history().T() * 7)), h.customers(), Long::sum);
    }
    return new HoldoutComparison(holdoutWeeks, groups, tracking(model, holdoutEnd, firstDays,
        new TreeMap<>(repeatPurchasesByDate)));
  }

  private static List<FrequencyGroup> groups(BgNbdParameters model, double holdoutWeeks, int count,
      List<HistoryCount> histories) {
    long[] customers = new long[count];
    long[] actual = new long[count];
    double[] expected = new double[count];
    for (HistoryCount h : histories) {
      int group = Math.min(h.history().x(), count - 1);
      customers[group] += h.customers();
      actual[group] += h.holdoutPurchases();
      expected[group] += h.customers() * model.conditionalExpectedPurchases(holdoutWeeks, h.history());
    }
    List<FrequencyGroup> groups = new ArrayList<>(count);
    for (int x = 0; x < count; x++) {
      groups.add(new FrequencyGroup(x, x == count - 1, customers[x], actual[x], expected[x]));
    }
    return groups;
  }

  private static List<Week> tracking(BgNbdParameters model, LocalDate holdoutEnd,
      NavigableMap<LocalDate, Long> firstDays, NavigableMap<LocalDate, Long> repeats) {
    if (firstDays.isEmpty()) {
      return List.of();
    }
    LocalDate start = firstDays.firstKey();
    long weekCount = (ChronoUnit.DAYS.between(start, holdoutEnd) + 7) / 7;
    if (weekCount > MAX_WEEKS) {
      throw new IllegalArgumentException("tracking spans " + weekCount + " weeks, more than " + MAX_WEEKS);
    }
    List<Week> weeks = new ArrayList<>();
    long actual = 0;
    LocalDate previous = start.minusDays(1);
    for (int k = 1; k <= weekCount; k++) {
      LocalDate last = k == weekCount ? holdoutEnd : start.plusDays(7L * k - 1);
      actual += repeats.subMap(previous, false, last, true).values().stream().mapToLong(Long::longValue).sum();
      previous = last;
      double expected = 0;
      for (var cohort : firstDays.headMap(last, true).entrySet()) {
        expected += cohort.getValue() * model.expectedPurchases(weeks(cohort.getKey(), last));
      }
      weeks.add(new Week(k, last, actual, expected));
    }
    return weeks;
  }

  private static double weeks(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / 7.0;
  }
}
