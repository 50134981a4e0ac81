package io.cskpi.domain.kpi;

import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * CLV by the HISTORICAL method, CLV = APV x F x L, with its components.
 *
 * @param value CLV rounded to the currency's minor unit; empty when undefined
 * @param averagePurchaseValue APV = revenue / purchases in the revenue's currency, unrounded
 *     (34 significant digits); empty without purchases
 * @param purchaseFrequencyPerDay F = purchases / purchasing customers / period days
 * @param lifespanDays L in days; empty when it cannot be computed
 */
public record HistoricalClv(Period period, Optional<Money> value, UndefinedReason undefinedReason,
    PurchaseTotals totals, Optional<BigDecimal> averagePurchaseValue, double purchaseFrequencyPerDay,
    OptionalDouble lifespanDays, LifespanSource lifespanSource, long churnedCustomers,
    OptionalDouble churnRatePercent) {

  /** Where L came from. */
  public enum LifespanSource { NONE, CHURNED_CUSTOMERS, PERIOD_OVER_CHURN_RATE }

  /** F per 365 days, for people. */
  public double purchaseFrequencyPer365Days() {
    return purchaseFrequencyPerDay * 365;
  }
}
