package io.cskpi.adapters.grpc;

/**
 * Told how many new records each batch stored, when it really ran: a repeated request answered
 * from the request log stores nothing and is not told.
 */
@FunctionalInterface
public interface RecordCounter {

  RecordCounter NONE = (method, records) -> { };

  /** {@code records} new records were stored by a call of {@code method} (such as "BatchRecordPurchases"). */
  void stored(String method, int records);
}
