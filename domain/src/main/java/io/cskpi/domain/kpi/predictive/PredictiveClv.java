package io.cskpi.domain.kpi.predictive;

import java.util.OptionalDouble;

/**
 * Spec section 2, PREDICTIVE CLV: sum over the periods m = 1..H of (E[X(m L) | history] - E[X((m-1)
 * L) | history]) x E[value per purchase] / (1 + d)^m, i.e. each period's NEW expected purchases,
 * not the running total (summing the running total counts early purchases again in every later
 * period).
 */
public final class PredictiveClv {

  private PredictiveClv() {}

  /** The discounted value of a customer's expected purchases, each worth {@code valuePerPurchase}. */
  public static double value(BgNbdParameters model, CustomerHistory history, double valuePerPurchase,
      ClvHorizon horizon) {
    if (!Double.isFinite(valuePerPurchase)) {
      throw new IllegalArgumentException("value per purchase must be finite, got " + valuePerPurchase);
    }
    double total = 0;
    double before = 0;
    double discount = 1;
    for (int m = 1; m <= horizon.periods(); m++) {
      double upToNow = model.conditionalExpectedPurchases(m * horizon.periodLength(), history);
      discount /= 1 + horizon.discountPerPeriod();
      total += (upToNow - before) * valuePerPurchase * discount;
      before = upToNow;
    }
    return total;
  }

  /**
   * BG/NBD purchases valued at the Gamma-Gamma conditional expected mean value; empty when the spend
   * model has no finite mean (q &lt;= 1).
   */
  public static OptionalDouble value(BgNbdParameters purchases, GammaGammaParameters spend,
      CustomerHistory history, ClvHorizon horizon) {
    OptionalDouble perPurchase = spend.conditionalExpectedMeanValue(history);
    return perPurchase.isPresent()
        ? OptionalDouble.of(value(purchases, history, perPurchase.getAsDouble(), horizon))
        : OptionalDouble.empty();
  }

  /** Expected purchases over the whole horizon, E[X(H L) | history]. */
  public static double expectedPurchases(BgNbdParameters model, CustomerHistory history, ClvHorizon horizon) {
    return model.conditionalExpectedPurchases(horizon.length(), history);
  }
}
