package io.cskpi.application.port;

import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** What an idempotent batch did: records stored now, and identical ones that were stored before. */
public record RecordOutcome(int recorded, int alreadyRecorded) {

  /**
   * The rule every idempotent batch follows, given the batch's records already stored by id: an
   * identical stored record counts as already recorded; a different one under the same id fails
   * the whole batch with ALREADY_EXISTS, naming {@code field[i].idField} of each.
   */
  public static <T> RecordOutcome against(Map<String, T> stored, List<T> batch, Function<T, String> id,
      BiPredicate<T, T> same, String field, String idField, String reason) {
    List<FieldViolation> conflicts = new ArrayList<>();
    int already = 0;
    for (int i = 0; i < batch.size(); i++) {
      T previous = stored.get(id.apply(batch.get(i)));
      if (previous != null) {
        already++;
        if (!same.test(previous, batch.get(i))) {
          conflicts.add(new FieldViolation(field + "[" + i + "]." + idField,
              "\"" + id.apply(previous) + "\" is recorded with other values"));
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw new CskpiException(CskpiException.Kind.ALREADY_EXISTS, reason,
          conflicts.size() + " ids are recorded with other values; nothing was stored", conflicts);
    }
    return new RecordOutcome(batch.size() - already, already);
  }
}
