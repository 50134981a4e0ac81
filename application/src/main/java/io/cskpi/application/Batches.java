package io.cskpi.application;

import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The rules every ingestion batch follows: 1 to 1000 records, ids distinct within the batch. */
final class Batches {

  static final int MAX_SIZE = 1000;

  private Batches() {}

  /** Refuses an empty or oversized batch, or one that repeats an id, naming the fields. */
  static <T> void check(String field, List<T> items, Function<T, String> id, String idField) {
    if (items.isEmpty()) {
      throw CskpiException.invalid(field, "must hold 1 to " + MAX_SIZE + " records, was empty");
    }
    if (items.size() > MAX_SIZE) {
      throw CskpiException.invalid(field, "must hold 1 to " + MAX_SIZE + " records, had " + items.size());
    }
    if (id == null) {
      return;
    }
    Map<String, Integer> firstIndex = new HashMap<>();
    List<FieldViolation> repeated = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Integer first = firstIndex.putIfAbsent(id.apply(items.get(i)), i);
      if (first != null) {
        repeated.add(new FieldViolation(field + "[" + i + "]." + idField,
            "repeats " + field + "[" + first + "]"));
      }
    }
    if (!repeated.isEmpty()) {
      throw CskpiException.invalid(repeated);
    }
  }
}
