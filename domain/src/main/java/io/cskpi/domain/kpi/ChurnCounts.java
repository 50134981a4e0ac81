package io.cskpi.domain.kpi;

/**
 * The aggregates of one period's lifecycle, computed by the store.
 *
 * @param atStart S, customers active just before the period start
 * @param churned C, customers of S churned just before the period end
 * @param newCustomers customers acquired during the period
 * @param reactivations reactivations during the period
 * @param newAndChurned customers acquired during the period and churned at its end
 * @param activeAtEnd customers active just before the period end
 */
public record ChurnCounts(long atStart, long churned, long newCustomers, long reactivations,
    long newAndChurned, long activeAtEnd) {

  public ChurnCounts {
    if (churned > atStart || atStart < 0 || churned < 0) {
      throw new IllegalArgumentException("need 0 <= churned <= atStart, got " + churned + " of " + atStart);
    }
  }
}
