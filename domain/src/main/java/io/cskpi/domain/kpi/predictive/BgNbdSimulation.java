package io.cskpi.domain.kpi.predictive;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws customers from the BG/NBD model itself: lambda ~ Gamma(shape r, rate alpha), p ~ Beta(a, b);
 * from the first purchase at 0 the customer buys as a Poisson process of rate lambda and, after
 * each repeat purchase, drops out with probability p; observed until T. For tests and benchmarks:
 * the same seed gives the same customers.
 */
public final class BgNbdSimulation {

  private BgNbdSimulation() {}

  /** {@code customers} histories, each with T drawn uniformly in [minT, maxT]. */
  public static List<CustomerHistory> draw(BgNbdParameters model, int customers, double minT, double maxT,
      Random random) {
    if (customers < 0 || !(minT > 0) || !(maxT >= minT) || !Double.isFinite(maxT)) {
      throw new IllegalArgumentException("need customers >= 0 and 0 < minT <= maxT, got " + customers + ", "
          + minT + ", " + maxT);
    }
    List<CustomerHistory> drawn = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      double T = minT + (maxT - minT) * random.nextDouble();
      drawn.add(customer(model, T, random));
    }
    return drawn;
  }

  /** One customer observed for T after the first purchase. */
  public static CustomerHistory customer(BgNbdParameters model, double T, Random random) {
    double lambda = gamma(model.r(), random) / model.alpha();
    double ga = gamma(model.a(), random);
    double p = ga / (ga + gamma(model.b(), random));
    int x = 0;
    double tx = 0;
    double t = 0;
    while (true) {
      t += -Math.log(random.nextDouble()) / lambda; // > 0: nextDouble() < 1
      if (!(t <= T)) {
        break;
      }
      x++;
      tx = t;
      if (random.nextDouble() < p) {
        break;
      }
    }
    return x == 0 ? CustomerHistory.of(0, 0, T) : CustomerHistory.of(x, tx, T);
  }

  /**
   * Gamma(shape, 1) by Marsaglia &amp; Tsang (2000); a shape below 1 is boosted: Gamma(shape + 1) U^(1 /
   * shape).
   */
  static double gamma(double shape, Random random) {
    if (shape < 1) {
      double u = 1 - random.nextDouble();
      return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = random.nextGaussian();
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
