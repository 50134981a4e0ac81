package io.cskpi.server;

import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Purchase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's purchases: customers that differ, as real ones do. Each customer arrives in the
 * first year at its first purchase, stays for an exponential time (mean 300 days, cut at the end
 * of the two years) and buys at a rate of its own (exponentially distributed across customers);
 * the remaining purchases fall on customers in proportion to rate x time active, at uniform times
 * in their active span. Each customer also has a typical spend of its own (log-normal across
 * customers, median 35.00) around which its purchases vary (log-normal, 30 %), so the Gamma-Gamma
 * spend model has heterogeneity to fit. So churn, reactivation and the predictive-CLV fit all see
 * structure.
 */
final class BenchmarkPurchases {

  private static final double DAY = 86_400;

  private BenchmarkPurchases() {}

  static List<Purchase> draw(int customers, int purchases, Instant first, long spanSeconds, Random random) {
    double[] start = new double[customers];
    double[] length = new double[customers];
    double[] cumulative = new double[customers];
    double[] typicalSpend = new double[customers];
    double total = 0;
    for (int c = 0; c < customers; c++) {
      typicalSpend[c] = 35 * Math.exp(0.6 * random.nextGaussian());
      start[c] = random.nextDouble() * Math.min(spanSeconds, 365 * DAY);
      length[c] = Math.min(spanSeconds - start[c], -Math.log(1 - random.nextDouble()) * 300 * DAY);
      total += -Math.log(1 - random.nextDouble()) * length[c];
      cumulative[c] = total;
    }
    List<Purchase> drawn = new ArrayList<>(purchases);
    for (int p = 0; p < purchases; p++) {
      int c;
      double at;
      if (p < customers) {
        c = p;
        at = start[c];
      } else {
        int found = Arrays.binarySearch(cumulative, random.nextDouble() * total);
        c = Math.min(customers - 1, found >= 0 ? found : -found - 1);
        at = start[c] + random.nextDouble() * length[c];
      }
      long cents = Math.max(50, Math.round(100 * typicalSpend[c] * Math.exp(0.3 * random.nextGaussian())));
      drawn.add(Purchase.newBuilder().setOrderId("o" + p).setCustomerId("c" + c)
          .setPurchaseTime(ApiWriter.timestamp(first.plusSeconds((long) at)))
          .setAmount(Money.newBuilder().setCurrencyCode("EUR")
              .setAmount(String.format("%d.%02d", cents / 100, cents % 100))).build());
    }
    return drawn;
  }
}
