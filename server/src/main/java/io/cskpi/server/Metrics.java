package io.cskpi.server;

import com.zaxxer.hikari.HikariDataSource;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;

/**
 * The operators' metrics, served in the Prometheus text format at /metrics on a port of their own:
 * calls by method and status, call latency, records stored by batch calls, and the database pool.
 */
final class Metrics implements AutoCloseable {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  final Counter calls = Counter.builder().name("cskpi_rpc_calls_total")
      .help("gRPC calls by method and status code").labelNames("method", "code").register(registry);
  final Histogram latency = Histogram.builder().name("cskpi_rpc_duration_seconds")
      .help("gRPC call latency by method").labelNames("method").register(registry);
  final Counter recorded = Counter.builder().name("cskpi_records_recorded_total")
      .help("new records stored by batch calls and streamed import batches (not those already recorded, "
          + "nor repeats answered from the request log), by method").labelNames("method")
      .register(registry);
  private HTTPServer http;

  /** Counts {@code records} new records stored by {@code method}. */
  void stored(String method, int records) {
    recorded.labelValues(method).inc(records);
  }

  /** Serves the metrics, with the pool's connections, on {@code port} (0: a free one). */
  void serve(HikariDataSource pool, int port) {
    GaugeWithCallback.builder().name("cskpi_db_connections").help("database pool connections by state")
        .labelNames("state").callback(gauge -> {
          var bean = pool.getHikariPoolMXBean();
          if (bean != null) {
            gauge.call(bean.getActiveConnections(), "active");
            gauge.call(bean.getIdleConnections(), "idle");
            gauge.call(bean.getThreadsAwaitingConnection(), "waiting");
          }
        }).register(registry);
    try {
      http = HTTPServer.builder().port(port).registry(registry).buildAndStart();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + port, e);
    }
  }

  /** The port the metrics are served on; empty when they are not. */
  OptionalInt port() {
    return http == null ? OptionalInt.empty() : OptionalInt.of(http.getPort());
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
  }
}
