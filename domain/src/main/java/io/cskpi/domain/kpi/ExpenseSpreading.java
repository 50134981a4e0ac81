package io.cskpi.domain.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Spec section 3: an expense over a service interval is spread over it by days, so a quarterly
 * 9,000.00 for 2025-01-01..2025-03-31 (90 days) puts 31/90 of it, 3,100.00, in January.
 */
public final class ExpenseSpreading {

  private static final MathContext MC = MathContext.DECIMAL128;

  private ExpenseSpreading() {}

  /**
   * amount x (days of [serviceStart, serviceEndInclusive] inside [periodStart, periodEndExclusive))
   * / (days of the service interval), multiplied first and divided once with DECIMAL128. A
   * single-day expense has serviceStart == serviceEndInclusive.
   */
  public static BigDecimal shareInPeriod(BigDecimal amount, LocalDate serviceStart,
      LocalDate serviceEndInclusive, LocalDate periodStart, LocalDate periodEndExclusive) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(serviceStart, "serviceStart");
    Objects.requireNonNull(serviceEndInclusive, "serviceEndInclusive");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEndExclusive, "periodEndExclusive");
    if (serviceEndInclusive.isBefore(serviceStart)) {
      throw new IllegalArgumentException("the service interval ends on " + serviceEndInclusive
          + ", before its start " + serviceStart);
    }
    if (periodEndExclusive.isBefore(periodStart)) {
      throw new IllegalArgumentException("the period ends on " + periodEndExclusive
          + ", before its start " + periodStart);
    }
    LocalDate serviceEndExclusive = serviceEndInclusive.plusDays(1);
    long serviceDays = ChronoUnit.DAYS.between(serviceStart, serviceEndExclusive);
    LocalDate overlapStart = serviceStart.isAfter(periodStart) ? serviceStart : periodStart;
    LocalDate overlapEnd = serviceEndExclusive.isBefore(periodEndExclusive)
        ? serviceEndExclusive : periodEndExclusive;
    long daysInside = Math.max(0, ChronoUnit.DAYS.between(overlapStart, overlapEnd));
    if (daysInside == serviceDays) {
      return amount;
    }
    return amount.multiply(BigDecimal.valueOf(daysInside))
        .divide(BigDecimal.valueOf(serviceDays), MC);
  }
}
