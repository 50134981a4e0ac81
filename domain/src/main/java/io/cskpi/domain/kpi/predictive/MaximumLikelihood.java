package io.cskpi.domain.kpi.predictive;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood of positive parameters over their logarithms (so they stay positive):
 * a Nelder-Mead simplex from the start, polished by BOBYQA. Both search the box start x / 1e8 ..
 * start x 1e8. An optimum more than a factor 1e6 from the start means a parameter runs to 0 or
 * infinity along a flat ridge (the optimisers stop there, the likelihood has no interior maximum,
 * e.g. identical customers make r and alpha grow together): {@link FitStatus#NOT_CONVERGED}. The
 * starts are scaled to the data (time, currency), so 1e6 is far beyond any fit that means
 * something. Standard errors: {@link NumericalHessian}.
 */
final class MaximumLikelihood {

  static final double LOG_RANGE = Math.log(1e8);
  static final double DEGENERATE_LOG_RANGE = Math.log(1e6);
  static final int MAX_EVALUATIONS = 20_000;

  /** The optimum (natural parameters) or the reason there is none. */
  record Outcome(FitStatus status, String reason, double[] estimates, double logLikelihood,
      Optional<double[]> standardErrors, String standardErrorNote, int iterations, int evaluations) {}

  private MaximumLikelihood() {}

  static Outcome maximize(ToDoubleFunction<double[]> logLikelihood, double[] start, String[] names) {
    int n = start.length;
    double[] lower = new double[n];
    double[] upper = new double[n];
    double[] logStart = new double[n];
    for (int i = 0; i < n; i++) {
      logStart[i] = Math.log(start[i]);
      lower[i] = logStart[i] - LOG_RANGE;
      upper[i] = logStart[i] + LOG_RANGE;
    }
    ObjectiveFunction objective = new ObjectiveFunction(u -> {
      for (int i = 0; i < n; i++) {
        if (!(u[i] >= lower[i] && u[i] <= upper[i])) {
          return Double.POSITIVE_INFINITY;
        }
      }
      double value = -logLikelihood.applyAsDouble(exp(u));
      return Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
    });
    SimplexOptimizer simplex = new SimplexOptimizer(1e-10, 1e-10);
    BOBYQAOptimizer polish = new BOBYQAOptimizer(2 * n + 1, 0.01, 1e-10);
    double[] steps = new double[n];
    Arrays.fill(steps, 0.5);
    PointValuePair best;
    try {
      best = simplex.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MINIMIZE,
          new InitialGuess(logStart), new NelderMeadSimplex(steps));
      PointValuePair polished = polish.optimize(new MaxEval(MAX_EVALUATIONS), objective,
          GoalType.MINIMIZE, new InitialGuess(clamp(best.getPoint(), lower, upper)),
          new SimpleBounds(lower, upper));
      if (polished.getValue() <= best.getValue()) {
        best = polished;
      }
    } catch (MathIllegalStateException e) {
      // TooManyEvaluationsException, or an optimiser that cannot go on
      return failure("the optimiser did not converge: " + e.getMessage(), simplex.getIterations(),
          simplex.getEvaluations() + polish.getEvaluations());
    }
    int iterations = simplex.getIterations();
    int evaluations = simplex.getEvaluations() + polish.getEvaluations();
    if (!Double.isFinite(best.getValue())) {
      return failure("the log-likelihood is not finite at any point tried", iterations, evaluations);
    }
    double[] u = best.getPoint();
    for (int i = 0; i < n; i++) {
      if (Math.abs(u[i] - logStart[i]) > DEGENERATE_LOG_RANGE) {
        return failure(names[i] + " runs to " + (u[i] < logStart[i] ? "0" : "infinity") + " (" + Math.exp(u[i])
            + "): the likelihood has no interior maximum on these data", iterations, evaluations);
      }
    }
    double[] estimates = exp(u);
    Optional<double[]> errors = NumericalHessian.standardErrors(logLikelihood, estimates);
    return new Outcome(FitStatus.CONVERGED, "", estimates, -best.getValue(), errors,
        errors.isPresent() ? "" : NumericalHessian.NOT_POSITIVE_DEFINITE, iterations, evaluations);
  }

  private static Outcome failure(String reason, int iterations, int evaluations) {
    return new Outcome(FitStatus.NOT_CONVERGED, reason, new double[0], Double.NaN, Optional.empty(), "",
        iterations, evaluations);
  }

  private static double[] exp(double[] u) {
    double[] theta = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      theta[i] = Math.exp(u[i]);
    }
    return theta;
  }

  private static double[] clamp(double[] u, double[] lower, double[] upper) {
    double[] inside = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      inside[i] = Math.min(upper[i], Math.max(lower[i], u[i]));
    }
    return inside;
  }
}
