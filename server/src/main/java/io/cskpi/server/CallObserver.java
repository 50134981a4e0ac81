package io.cskpi.server;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every call a request id (the client's {@code x-request-id} when it is a plain token, else a
 * new one), sends it back in the {@code x-request-id} header, keeps it in the logging context while
 * the call runs, and logs one line per call: method, status, milliseconds and request id, with no
 * request data. Counts the calls and their latency in the metrics.
 */
final class CallObserver implements ServerInterceptor {

  static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger LOG = LoggerFactory.getLogger("io.cskpi.calls");

  private final Metrics metrics;

  CallObserver(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String given = headers.get(REQUEST_ID);
    String requestId = given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    String method = call.getMethodDescriptor().getFullMethodName();
    long started = System.nanoTime();
    ServerCall<Q, R> observed = new SimpleForwardingServerCall<>(call) {
      @Override
      public void sendHeaders(Metadata responseHeaders) {
        responseHeaders.put(REQUEST_ID, requestId);
        super.sendHeaders(responseHeaders);
      }

      @Override
      public void close(Status status, Metadata trailers) {
        double seconds = (System.nanoTime() - started) / 1e9;
        metrics.calls.labelValues(method, status.getCode().name()).inc();
        metrics.latency.labelValues(method).observe(seconds);
        try (var context = MDC.putCloseable("request_id", requestId)) {
          LOG.info("call method={} code={} ms={} request_id={}", method, status.getCode(),
              Math.round(seconds * 1000), requestId);
        }
        super.close(status, trailers);
      }
    };
    ServerCall.Listener<Q> listener;
    try (var context = MDC.putCloseable("request_id", requestId)) {
      listener = next.startCall(observed, headers);
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        try (var context = MDC.putCloseable("request_id", requestId)) {
          super.onMessage(message);
        }
      }

      @Override
      public void onHalfClose() {
        try (var context = MDC.putCloseable("request_id", requestId)) {
          super.onHalfClose();
        }
      }
    };
  }
}
