package io.cskpi.domain.kpi.predictive;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Standard errors of maximum-likelihood estimates: the square roots of the diagonal of the inverse
 * of the Hessian of -ln L in the natural parameters, by central differences with relative step
 * {@link #STEP} (the truncation error is ~STEP^2, the rounding error ~1e-16 |ln L| / STEP^2 per
 * entry, both far below the sampling error the result describes).
 */
final class NumericalHessian {

  static final double STEP = 1e-4;
  static final String NOT_POSITIVE_DEFINITE =
      "the Hessian of -ln L is not positive definite at the optimum: no standard errors";

  private NumericalHessian() {}

  /** sqrt(diag(H^-1)) of -ln L at the optimum, or empty when H is not positive definite. */
  static Optional<double[]> standardErrors(ToDoubleFunction<double[]> logLikelihood, double[] theta) {
    int n = theta.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = STEP * theta[i];
    }
    double centre = -logLikelihood.applyAsDouble(theta);
    RealMatrix hessian = MatrixUtils.createRealMatrix(n, n);
    for (int i = 0; i < n; i++) {
      double plus = -logLikelihood.applyAsDouble(shift(theta, i, h[i], i, 0));
      double minus = -logLikelihood.applyAsDouble(shift(theta, i, -h[i], i, 0));
      hessian.setEntry(i, i, (plus - 2 * centre + minus) / (h[i] * h[i]));
      for (int j = 0; j < i; j++) {
        double pp = -logLikelihood.applyAsDouble(shift(theta, i, h[i], j, h[j]));
        double pm = -logLikelihood.applyAsDouble(shift(theta, i, h[i], j, -h[j]));
        double mp = -logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, h[j]));
        double mm = -logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, -h[j]));
        double value = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
        hessian.setEntry(i, j, value);
        hessian.setEntry(j, i, value);
      }
    }
    try {
      RealMatrix inverse = new CholeskyDecomposition(hessian).getSolver().getInverse();
      double[] errors = new double[n];
      for (int i = 0; i < n; i++) {
        errors[i] = Math.sqrt(inverse.getEntry(i, i));
        if (!Double.isFinite(errors[i])) {
          return Optional.empty();
        }
      }
      return Optional.of(errors);
    } catch (NonPositiveDefiniteMatrixException e) {
      return Optional.empty();
    }
  }

  private static double[] shift(double[] theta, int i, double di, int j, double dj) {
    double[] moved = theta.clone();
    moved[i] += di;
    moved[j] += dj;
    return moved;
  }
}
