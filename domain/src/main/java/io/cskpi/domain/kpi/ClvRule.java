package io.cskpi.domain.kpi;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.kpi.HistoricalClv.LifespanSource;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Spec section 2, the HISTORICAL method: CLV = APV x F x L, counted in days.
 *
 * <p>APV x F is revenue / purchasing customers / days, so the value is computed as one exact
 * product divided once, then rounded half up to the currency's minor unit: no intermediate
 * rounding can move a cent.
 */
public final class ClvRule {

  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

  private ClvRule() {}

  /**
   * APV = revenue / purchases; F = purchases / purchasing customers / days; L = mean lifespan of
   * the customers churned at the period end, or else period days / churn rate of the period.
   */
  public static HistoricalClv historical(Period period, PurchaseTotals totals, LifecycleSummary lifecycle) {
    ChurnCounts counts = lifecycle.counts();
    LifespanStats lifespans = lifecycle.lifespansAtEnd();
    BigDecimal periodSeconds = period.seconds();
    BigDecimal days = period.days();

    // L as the fraction lifespanNumerator / lifespanDenominator, in seconds
    BigDecimal lifespanNumerator;
    BigDecimal lifespanDenominator;
    LifespanSource source;
    if (lifespans.churnedCustomers() > 0) {
      lifespanNumerator = BigDecimal.valueOf(lifespans.totalLifespanSeconds());
      lifespanDenominator = BigDecimal.valueOf(lifespans.churnedCustomers());
      source = LifespanSource.CHURNED_CUSTOMERS;
    } else if (counts.atStart() > 0 && counts.churned() > 0) {
      lifespanNumerator = periodSeconds.multiply(BigDecimal.valueOf(counts.atStart()));
      lifespanDenominator = BigDecimal.valueOf(counts.churned());
      source = LifespanSource.PERIOD_OVER_CHURN_RATE;
    } else {
      lifespanNumerator = null;
      lifespanDenominator = null;
      source = LifespanSource.NONE;
    }
    OptionalDouble lifespanDays = source == LifespanSource.NONE ? OptionalDouble.empty()
        : OptionalDouble.of(lifespanNumerator.divide(lifespanDenominator.multiply(SECONDS_PER_DAY), MC)
            .doubleValue());
    OptionalDouble churnRate = source == LifespanSource.PERIOD_OVER_CHURN_RATE
        ? OptionalDouble.of(100.0 * counts.churned() / counts.atStart()) : OptionalDouble.empty();

    if (totals.purchases() == 0) {
      return new HistoricalClv(period, Optional.empty(), UndefinedReason.NO_DATA, totals,
          Optional.empty(), 0, lifespanDays, source, lifespans.churnedCustomers(), churnRate);
    }
    BigDecimal revenue = totals.revenue().amount();
    BigDecimal purchases = BigDecimal.valueOf(totals.purchases());
    BigDecimal customers = BigDecimal.valueOf(totals.purchasingCustomers());
    Optional<BigDecimal> apv = Optional.of(revenue.divide(purchases, MC));
    double frequencyPerDay = purchases.divide(customers.multiply(days), MC).doubleValue();
    if (source == LifespanSource.NONE) {
      return new HistoricalClv(period, Optional.empty(), UndefinedReason.ZERO_DENOMINATOR, totals,
          apv, frequencyPerDay, lifespanDays, source, lifespans.churnedCustomers(), churnRate);
    }
    BigDecimal clv = revenue.multiply(lifespanNumerator)
        .divide(customers.multiply(periodSeconds).multiply(lifespanDenominator), MC);
    Money value = Money.roundedToMinorUnit(clv, totals.revenue().currencyCode());
    return new HistoricalClv(period, Optional.of(value), UndefinedReason.NONE, totals, apv,
        frequencyPerDay, lifespanDays, source, lifespans.churnedCustomers(), churnRate);
  }
}
