package io.cskpi.domain.kpi;

import io.cskpi.domain.Period;
import java.util.Collection;

/** Counts a period's churn figures and end-of-period lifespans over customers' lifecycles. */
public final class LifecycleCounter {

  private LifecycleCounter() {}

  public static LifecycleSummary summarize(Collection<Lifecycle> lifecycles, Period period) {
    long atStart = 0;
    long churned = 0;
    long newCustomers = 0;
    long reactivations = 0;
    long newAndChurned = 0;
    long activeAtEnd = 0;
    long activeDuring = 0;
    long churnedAtEnd = 0;
    long lifespanSeconds = 0;
    for (Lifecycle lifecycle : lifecycles) {
      boolean activeStart = lifecycle.activeJustBefore(period.start());
      boolean activeEnd = lifecycle.activeJustBefore(period.end());
      boolean acquiredIn = lifecycle.acquiredIn(period);
      atStart += activeStart ? 1 : 0;
      churned += activeStart && !activeEnd ? 1 : 0;
      newCustomers += acquiredIn ? 1 : 0;
      newAndChurned += acquiredIn && !activeEnd ? 1 : 0;
      activeAtEnd += activeEnd ? 1 : 0;
      long reactivated = lifecycle.reactivationsIn(period);
      reactivations += reactivated;
      activeDuring += activeStart || acquiredIn || reactivated > 0 ? 1 : 0;
      var lifespan = lifecycle.lifespanSecondsIfChurnedBefore(period.end());
      if (lifespan.isPresent()) {
        churnedAtEnd++;
        lifespanSeconds += lifespan.get();
      }
    }
    return new LifecycleSummary(
        new ChurnCounts(atStart, churned, newCustomers, reactivations, newAndChurned, activeAtEnd), activeDuring,
        new LifespanStats(churnedAtEnd, lifespanSeconds));
  }
}
