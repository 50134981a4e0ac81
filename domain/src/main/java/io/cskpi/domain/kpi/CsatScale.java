package io.cskpi.domain.kpi;

/**
 * The integer scale of a CSAT survey, min..max inclusive, and the lowest score that counts as
 * satisfied.
 */
public record CsatScale(int min, int max, int satisfiedFrom) {

  public CsatScale {
    if (min >= max) {
      throw new IllegalArgumentException(
          "the scale minimum " + min + " must be below its maximum " + max);
    }
    if (satisfiedFrom < min || satisfiedFrom > max) {
      throw new IllegalArgumentException("satisfiedFrom " + satisfiedFrom
          + " is outside the scale " + min + ".." + max);
    }
  }

  /**
   * The spec's default threshold: 1-5 satisfied from 4, any other scale its top two scores
   * (satisfiedFrom = max - 1). A two-point scale has no default, since its "top two" would count
   * every response as satisfied: declare its threshold.
   */
  public static CsatScale defaultFor(int min, int max) {
    if (min < max && max - 1 == min) {
      throw new IllegalArgumentException("the two-point scale " + min + ".." + max
          + " has no default satisfiedFrom: declare it");
    }
    return new CsatScale(min, max, min == 1 && max == 5 ? 4 : max - 1);
  }

  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  /** Whether {@code score} counts as satisfied; a score outside the scale is rejected. */
  public boolean satisfied(int score) {
    if (!contains(score)) {
      throw new IllegalArgumentException("score " + score + " is outside the scale " + min + ".." + max);
    }
    return score >= satisfiedFrom;
  }
}
