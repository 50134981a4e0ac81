package io.cskpi.domain.kpi;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One CSAT survey's responses in a period, counted against the survey's own scale.
 *
 * @param answered responses
 * @param satisfied responses at or above {@code scale.satisfiedFrom()}
 * @param scoreSum the sum of the answered scores, for the mean
 */
public record CsatSurveyCounts(String surveyId, CsatScale scale, long answered, long satisfied,
    long scoreSum) {

  public CsatSurveyCounts {
    Objects.requireNonNull(surveyId, "surveyId");
    Objects.requireNonNull(scale, "scale");
    if (answered < 0 || satisfied < 0 || satisfied > answered) {
      throw new IllegalArgumentException("survey " + surveyId
          + ": need 0 <= satisfied <= answered, got " + satisfied + " of " + answered);
    }
    long unsatisfied = answered - satisfied;
    if (scale.satisfiedFrom() == scale.min() && unsatisfied > 0) {
      throw new IllegalArgumentException("survey " + surveyId + ": every score of " + scale.min()
          + ".." + scale.max() + " is satisfied, yet " + unsatisfied + " responses are not");
    }
    // every satisfied score lies in [satisfiedFrom, max], every other one in [min, satisfiedFrom - 1]
    long lowest = Math.addExact(Math.multiplyExact(satisfied, (long) scale.satisfiedFrom()),
        Math.multiplyExact(unsatisfied, (long) scale.min()));
    long highest = Math.addExact(Math.multiplyExact(satisfied, (long) scale.max()),
        Math.multiplyExact(unsatisfied, scale.satisfiedFrom() - 1L));
    if (scoreSum < lowest || scoreSum > highest) {
      throw new IllegalArgumentException("survey " + surveyId + ": scoreSum " + scoreSum
          + " cannot come from " + satisfied + " satisfied of " + answered + " answers on "
          + scale.min() + ".." + scale.max() + " (satisfied from " + scale.satisfiedFrom()
          + "): it must be within " + lowest + ".." + highest);
    }
  }

  /** scoreSum / answered; empty without answers. */
  public OptionalDouble meanScore() {
    return answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) scoreSum / answered);
  }
}
