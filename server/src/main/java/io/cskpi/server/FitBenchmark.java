package io.cskpi.server;

import io.cskpi.domain.kpi.predictive.BgNbdFit;
import io.cskpi.domain.kpi.predictive.BgNbdFitResult;
import io.cskpi.domain.kpi.predictive.BgNbdParameters;
import io.cskpi.domain.kpi.predictive.BgNbdSimulation;
import io.cskpi.domain.kpi.predictive.CustomerHistory;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;

/**
 * {@code benchmark-fit}: draws customers from the BG/NBD model itself (the CDNOW estimates, each
 * observed 26 to 78 weeks) and times the maximum-likelihood fit, printing the recovered parameters
 * next to the true ones. Runs in-process: it measures the numerics, not the database.
 */
final class FitBenchmark {

  private static final BgNbdParameters TRUTH = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

  private FitBenchmark() {}

  static int run(List<String> args, PrintStream out) {
    List<Integer> sizes = args.isEmpty() ? List.of(2_357, 100_000, 1_000_000)
        : args.stream().map(Integer::parseInt).toList();
    out.printf("true parameters: r %.4f, alpha %.4f, a %.4f, b %.4f%n", TRUTH.r(), TRUTH.alpha(), TRUTH.a(), TRUTH.b());
    out.printf("%10s %9s %8s %8s %8s %8s %10s%n", "customers", "fit ms", "r", "alpha", "a", "b", "evaluations");
    for (int size : sizes) {
      List<CustomerHistory> customers = BgNbdSimulation.draw(TRUTH, size, 26, 78, new Random(size));
      long started = System.nanoTime();
      BgNbdFitResult fit = BgNbdFit.fit(customers);
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (!fit.converged()) {
        out.printf("%,10d %9d did not converge: %s%n", size, millis, fit.reason());
        continue;
      }
      BgNbdParameters p = fit.parameters().orElseThrow();
      out.printf("%,10d %9d %8.4f %8.4f %8.4f %8.4f %10d%n", size, millis, p.r(), p.alpha(), p.a(), p.b(),
          fit.evaluations());
    }
    return 0;
  }
}
