package io.cskpi.domain.kpi.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which themes drive negative and positive scores: the weighted log-odds ratio of each theme
 * between the comments of negative and of positive scores, with an informative Dirichlet prior
 * from all the period's comments (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 16-22).
 * With y the comments of a group that have the theme, n all theme occurrences of the group, and
 * as the prior the whole period's counts (the background corpus of the paper): alpha_w = the
 * theme's occurrences in all the period's comments, A = all occurrences:
 * delta = ln((y_neg + alpha_w) / (n_neg + A - y_neg - alpha_w)) - ln((y_pos + alpha_w) / (n_pos + A
 * - y_pos - alpha_w)), variance 1 / (y_neg + alpha_w) + 1 / (y_pos + alpha_w), z = delta / sqrt(variance).
 * The prior pulls rare themes toward no difference, so a theme seen twice cannot lead by chance,
 * and it grows with the data, so the statistic does not depend on a constant chosen by hand.
 */
public final class ThemeDrivers {

  /** A theme's comments in each score group and in the whole period. */
  public record ThemeCounts(String key, String text, long negative, long positive, long all) {}

  /** A theme's driver statistic. */
  public record Driver(String key, String text, long negative, long positive, double logOddsRatio, double z) {}

  /**
   * Both directions, strongest first; a positive driver's log-odds ratio and z are those of the
   * positive group against the negative one (so both lists show positive numbers).
   */
  public record Drivers(List<Driver> negative, List<Driver> positive) {}

  private ThemeDrivers() {}

  /**
   * @param negativeTotal theme occurrences in the comments of negative scores
   * @param positiveTotal the same for positive scores
   * @param allTotal theme occurrences in all the period's comments
   * @param limit how many drivers of each direction to return (only themes that occur in the group
   *     they drive and are over-represented there)
   */
  public static Drivers of(List<ThemeCounts> themes, long negativeTotal, long positiveTotal, long allTotal, int limit) {
    List<Driver> drivers = new ArrayList<>();
    if (negativeTotal == 0 || positiveTotal == 0 || allTotal == 0) {
      return new Drivers(List.of(), List.of());
    }
    for (ThemeCounts theme : themes) {
      double alpha = theme.all();
      double negative = Math.log((theme.negative() + alpha) / (negativeTotal + allTotal - theme.negative() - alpha));
      double positive = Math.log((theme.positive() + alpha) / (positiveTotal + allTotal - theme.positive() - alpha));
      double delta = negative - positive;
      double z = delta / Math.sqrt(1 / (theme.negative() + alpha) + 1 / (theme.positive() + alpha));
      drivers.add(new Driver(theme.key(), theme.text(), theme.negative(), theme.positive(), delta, z));
    }
    Comparator<Driver> strongestFirst = Comparator.comparingDouble(Driver::z).reversed().thenComparing(Driver::key);
    return new Drivers(
        drivers.stream().filter(d -> d.z() > 0 && d.negative() > 0).sorted(strongestFirst).limit(limit).toList(),
        drivers.stream().filter(d -> d.z() < 0 && d.positive() > 0)
            .map(d -> new Driver(d.key(), d.text(), d.negative(), d.positive(), -d.logOddsRatio(), -d.z()))
            .sorted(strongestFirst).limit(limit).toList());
  }
}
