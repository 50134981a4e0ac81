package io.cskpi.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cskpi.application.UseCases;
import io.cskpi.application.port.RequestLog;
import io.cskpi.application.port.RequestLog.Entry;
import io.cskpi.application.port.RequestLog.Key;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request log every store must keep, run against the in-memory fake and against MySQL. */
public abstract class RequestLogContract {

  private RequestLog log;
  private TenantId tenant;

  /** A store with the schema in place; tests isolate themselves by tenant. */
  protected abstract UseCases.Ports ports();

  @BeforeEach
  void freshTenant() {
    UseCases.Ports ports = ports();
    log = ports.requestLog();
    tenant = new TenantId("r-" + UUID.randomUUID().toString().substring(0, 12));
    ports.tenants().create(new Tenant(tenant, "Test", ZoneOffset.UTC, null, Instant.parse("2025-01-01T00:00:00Z")));
  }

  private static Entry entry(String hash, String response) {
    return new Entry(hash.getBytes(StandardCharsets.UTF_8), response.getBytes(StandardCharsets.UTF_8));
  }

  private static String response(Entry entry) {
    return new String(entry.response(), StandardCharsets.UTF_8);
  }

  @Test
  void theFirstSaveIsKeptAndFound() {
    Key key = new Key(tenant, "BatchRecordPurchases", "id-1", 0);

    Entry first = log.save(key, entry("h1", "first"));
    Entry second = log.save(key, entry("h2", "second"));

    assertThat(response(first)).isEqualTo("first");
    assertThat(response(second)).isEqualTo("first");
    assertThat(second.requestHash()).isEqualTo("h1".getBytes(StandardCharsets.UTF_8));
    assertThat(log.find(key)).hasValueSatisfying(e -> assertThat(response(e)).isEqualTo("first"));
    assertThat(log.find(new Key(tenant, "BatchUpsertCustomers", "id-1", 0))).isEmpty();
  }

  @Test
  void theLastSequenceIsPerRequestIdAndMethod() {
    for (long sequence = 1; sequence <= 3; sequence++) {
      log.save(new Key(tenant, "ImportRecords", "load", sequence), entry("h", "ack " + sequence));
    }
    log.save(new Key(tenant, "ImportRecords", "other", 7), entry("h", "ack"));

    assertThat(log.lastSequence(tenant, "ImportRecords", "load")).isEqualTo(3);
    assertThat(log.lastSequence(tenant, "ImportRecords", "none")).isZero();
    assertThat(log.lastSequence(tenant, "Other", "load")).isZero();
  }

  @Test
  void concurrentSavesAllGetTheOneKept() {
    Key key = new Key(tenant, "BatchRecordPurchases", "id-2", 0);

    List<CompletableFuture<Entry>> saves = IntStream.range(0, 8)
        .mapToObj(i -> CompletableFuture.supplyAsync(() -> log.save(key, entry("h" + i, "response " + i)))).toList();
    List<String> kept = saves.stream().map(CompletableFuture::join).map(RequestLogContract::response).distinct().toList();

    assertThat(kept).hasSize(1);
    assertThat(log.find(key)).hasValueSatisfying(e -> assertThat(response(e)).isEqualTo(kept.get(0)));
  }
}
