package io.cskpi.server;

import com.zaxxer.hikari.HikariDataSource;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;

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
      .help("records stored by batch calls (not those already recorded), by method").labelNames("method")
      .register(registry);
  private final HTTPServer http;

  private Metrics(HikariDataSource pool, int port) {
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

  static Metrics serve(HikariDataSource pool, int port) {
    return new Metrics(pool, port);
  }

  int port() {
    return http.getPort();
  }

  @Override
  public void close() {
    http.close();
  }
}
