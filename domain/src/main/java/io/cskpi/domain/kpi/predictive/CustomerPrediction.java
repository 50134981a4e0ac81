package io.cskpi.domain.kpi.predictive;

import io.cskpi.domain.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One customer's prediction under a fit, with its inputs.
 *
 * @param expectedPurchases over the fit's horizon
 * @param expectedPurchaseValue Gamma-Gamma conditional mean value; empty when q &lt;= 1
 * @param value discounted CLV over the horizon, to the currency's minor unit; empty when q &lt;= 1
 */
public record CustomerPrediction(String customerId, CustomerHistory history, Optional<BigDecimal> meanRepeatValue,
    double probabilityAlive, double expectedPurchases, OptionalDouble expectedPurchaseValue, Optional<Money> value) {

  public CustomerPrediction {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(meanRepeatValue, "meanRepeatValue");
    Objects.requireNonNull(expectedPurchaseValue, "expectedPurchaseValue");
    Objects.requireNonNull(value, "value");
  }

  /** The prediction of a customer under {@code model}; {@code meanRepeatValue} is empty when x = 0. */
  public static CustomerPrediction of(ClvModel model, String customerId, CustomerHistory history,
      Optional<BigDecimal> meanRepeatValue) {
    BgNbdParameters purchases = model.purchases();
    GammaGammaParameters spend = model.spend();
    // a repeat buyer whose refunds leave no positive mean is valued at the population mean
    OptionalDouble perPurchase = history.x() > 0 && history.meanRepeatValue() <= 0
        ? spend.populationMeanValue() : spend.conditionalExpectedMeanValue(history);
    Optional<Money> value = perPurchase.isPresent()
        ? Optional.of(Money.roundedToMinorUnit(BigDecimal.valueOf(
            PredictiveClv.value(purchases, history, perPurchase.getAsDouble(), model.horizon())), model.currencyCode()))
        : Optional.empty();
    return new CustomerPrediction(customerId, history, meanRepeatValue,
        purchases.probabilityAlive(history.x(), history.tx(), history.T()),
        PredictiveClv.expectedPurchases(purchases, history, model.horizon()), perPurchase, value);
  }
}
