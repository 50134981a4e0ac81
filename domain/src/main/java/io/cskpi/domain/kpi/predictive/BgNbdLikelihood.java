package io.cskpi.domain.kpi.predictive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD log-likelihood of a whole sample, the same sum as {@link
 * BgNbdParameters#logLikelihood(CustomerHistory)} but fast: equal histories are counted once, and
 * the Gamma and Beta functions are evaluated once per distinct x, so a customer costs two
 * logarithms and one exponential.
 */
final class BgNbdLikelihood {

  private record History(int x, double tx, double T) {}

  private final int[] x;
  private final double[] tx;
  private final double[] T;
  private final double[] count;
  private final int[] distinctX;
  private final int[] xIndex;

  BgNbdLikelihood(List<CustomerHistory> customers) {
    Map<History, Integer> groups = new LinkedHashMap<>();
    Map<Integer, Integer> xs = new LinkedHashMap<>();
    for (CustomerHistory c : customers) {
      groups.merge(new History(c.x(), c.tx(), c.T()), 1, Integer::sum);
      xs.putIfAbsent(c.x(), xs.size());
    }
    int n = groups.size();
    x = new int[n];
    tx = new double[n];
    T = new double[n];
    count = new double[n];
    xIndex = new int[n];
    distinctX = new int[xs.size()];
    xs.forEach((value, index) -> distinctX[index] = value);
    int i = 0;
    for (Map.Entry<History, Integer> group : groups.entrySet()) {
      x[i] = group.getKey().x();
      tx[i] = group.getKey().tx();
      T[i] = group.getKey().T();
      count[i] = group.getValue();
      xIndex[i] = xs.get(x[i]);
      i++;
    }
  }

  /** Distinct (x, tx, T) histories. */
  int groups() {
    return x.length;
  }

  /** sum ln L over the customers; theta = (r, alpha, a, b). */
  double logLikelihood(double[] theta) {
    double r = theta[0];
    double alpha = theta[1];
    double a = theta[2];
    double b = theta[3];
    double[] common = new double[distinctX.length];
    double[] dropLog = new double[distinctX.length];
    double logBetaAB = Beta.logBeta(a, b);
    double logGammaR = Gamma.logGamma(r);
    double logA = Math.log(a);
    double logAlpha = Math.log(alpha);
    for (int k = 0; k < distinctX.length; k++) {
      int xk = distinctX[k];
      common[k] = Gamma.logGamma(r + xk) - logGammaR + r * logAlpha + Beta.logBeta(a, b + xk) - logBetaAB;
      dropLog[k] = xk == 0 ? 0 : logA - Math.log(b + xk - 1);
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double power = r + x[i];
      double stillAlive = -power * Math.log(alpha + T[i]);
      double value = stillAlive;
      if (x[i] > 0) {
        value = BgNbdParameters.logSumExp(stillAlive, dropLog[xIndex[i]] - power * Math.log(alpha + tx[i]));
      }
      sum += count[i] * (common[xIndex[i]] + value);
    }
    return sum;
  }
}
