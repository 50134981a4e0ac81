package io.cskpi.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cskpi.application.CallScope;
import io.cskpi.application.RunOnce;
import io.cskpi.application.UseCases;
import io.cskpi.application.port.RequestLog;
import io.cskpi.application.port.RequestLog.Key;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request log every store must keep, through {@link RunOnce}, run against the in-memory fake
 * and against MySQL: one run per key, even when many requests race for it.
 */
public abstract class RequestLogContract {

  private RequestLog log;
  private RunOnce runOnce;
  private TenantId tenant;

  /** A store with the schema in place; tests isolate themselves by tenant. */
  protected abstract UseCases.Ports ports();

  @BeforeEach
  void freshTenant() {
    UseCases.Ports ports = ports();
    log = ports.requestLog();
    runOnce = new RunOnce(log, Clock.systemUTC());
    tenant = new TenantId("r-" + UUID.randomUUID().toString().substring(0, 12));
    ports.tenants().create(new Tenant(tenant, "Test", ZoneOffset.UTC, null, Instant.parse("2025-01-01T00:00:00Z")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String run(Key key, String hash, String response) {
    return new String(runOnce.run(key, bytes(hash), "request_id", () -> bytes(response)), StandardCharsets.UTF_8);
  }

  @Test
  void aRepeatGetsTheFirstResponseAndAnotherRequestUnderTheKeyIsRefused() {
    Key key = new Key(tenant, "BatchRecordPurchases", "id-1", 0);

    assertThat(run(key, "h1", "first")).isEqualTo("first");
    assertThat(run(key, "h1", "second")).isEqualTo("first");
    assertThatThrownBy(() -> run(key, "h2", "other")).isInstanceOfSatisfying(CskpiException.class,
        e -> assertThat(e.reason()).isEqualTo(RunOnce.REQUEST_ID_REUSED));
    assertThat(run(new Key(tenant, "BatchUpsertCustomers", "id-1", 0), "h2", "elsewhere")).isEqualTo("elsewhere");
  }

  @Test
  void aFailedRequestFreesItsKey() {
    Key key = new Key(tenant, "BatchRecordPurchases", "id-2", 0);

    assertThatThrownBy(() -> runOnce.run(key, bytes("h1"), "request_id", () -> {
      throw CskpiException.invalid("purchases", "bad");
    })).isInstanceOf(CskpiException.class);

    assertThat(run(key, "h2", "second")).isEqualTo("second");
  }

  /** A call whose deadline passes as its work commits still settles its claim: the retry gets the response. */
  @Test
  void aCallOverAfterItsWorkStillStoresItsResponse() {
    Key key = new Key(tenant, "BatchRecordPurchases", "id-4", 0);
    AtomicBoolean over = new AtomicBoolean();
    CallScope.Call call = new CallScope.Call() {
      @Override
      public boolean isOver() {
        return over.get();
      }

      @Override
      public CallScope.Registration whenOver(Runnable action) {
        return () -> { };
      }
    };

    CallScope.run(call, () -> runOnce.run(key, bytes("h"), "request_id", () -> {
      over.set(true);
      return bytes("first");
    }));

    assertThat(run(key, "h", "second")).isEqualTo("first");
  }

  @Test
  void aClaimNeverCompletedIsTakenOverOnlyOnce() {
    Key key = new Key(tenant, "ImportRecords", "load", 1);
    Instant claimed = Instant.parse("2026-01-01T00:00:00.123456Z");
    assertThat(log.claim(key, bytes("h"), claimed)).isEmpty();

    assertThat(log.takeOver(key, claimed, claimed.plusSeconds(60))).isTrue();
    assertThat(log.takeOver(key, claimed, claimed.plusSeconds(61))).isFalse();
    log.complete(key, bytes("ack"));
    assertThat(log.claim(key, bytes("h"), claimed)).hasValueSatisfying(e -> assertThat(e.response()).isEqualTo(bytes("ack")));
  }

  @Test
  void theLastSequenceCountsCompletedBatchesPerRequestIdAndMethod() {
    for (long sequence = 1; sequence <= 3; sequence++) {
      run(new Key(tenant, "ImportRecords", "load", sequence), "h", "ack " + sequence);
    }
    log.claim(new Key(tenant, "ImportRecords", "load", 4), bytes("h"), Instant.now());
    run(new Key(tenant, "ImportRecords", "other", 7), "h", "ack");

    assertThat(log.lastSequence(tenant, "ImportRecords", "load")).isEqualTo(3);
    assertThat(log.lastSequence(tenant, "ImportRecords", "none")).isZero();
    assertThat(log.lastSequence(tenant, "Other", "load")).isZero();
  }

  /**
   * 16 requests race for one key, 8 of them identical: one runs; if it is one of the 8, the other 7
   * get its response and the rest are refused, else all 15 others are refused; nothing else runs.
   */
  @Test
  void ofRequestsRacingForOneKeyOnlyOneRuns() throws Exception {
    Key key = new Key(tenant, "BatchRecordPurchases", "id-3", 0);
    AtomicInteger runs = new AtomicInteger();
    Set<String> answers = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<Void>> racers = IntStream.range(0, 16).mapToObj(i -> CompletableFuture.runAsync(() -> {
        try {
          start.await();
          answers.add(new String(runOnce.run(key, bytes(i % 2 == 0 ? "same" : "other-" + i), "request_id", () -> {
            runs.incrementAndGet();
            sleep(50);
            return bytes("response of " + i);
          }), StandardCharsets.UTF_8));
        } catch (CskpiException e) {
          refused.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, threads)).toList();
      start.countDown();
      racers.forEach(CompletableFuture::join);
    } finally {
      threads.shutdownNow();
    }

    assertThat(runs).hasValue(1);
    assertThat(answers).hasSize(1);
    int winner = Integer.parseInt(answers.iterator().next().substring("response of ".length()));
    assertThat(refused).as("all but the winner and its twins").hasValue(winner % 2 == 0 ? 8 : 15);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
