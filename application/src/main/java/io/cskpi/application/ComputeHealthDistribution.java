package io.cskpi.application;

import io.cskpi.domain.Tenant;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.health.HealthModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** How a segment's customers spread over the health bands, and their mean score, at each of some dates. */
public final class ComputeHealthDistribution {

  /** Most dates one call may ask for. */
  public static final int MAX_DATES = 36;

  /**
   * The book on one date: customers per band (in band order), those without a score (no measure
   * with a value), and the mean score of the scored ones (empty when none is).
   */
  public record Distribution(LocalDate asOf, int modelVersion, Map<String, Long> customersPerBand, long scored,
      long unscored, OptionalDouble meanScore) {}

  private final HealthBook book;

  ComputeHealthDistribution(HealthBook book) {
    this.book = book;
  }

  /** @param dates 1 to {@link #MAX_DATES} dates, each scored with the same model */
  public List<Distribution> compute(HealthQuery query, List<LocalDate> dates) {
    if (dates.size() > MAX_DATES) {
      throw CskpiException.invalid("as_of_dates", "must hold at most " + MAX_DATES + " dates, had " + dates.size());
    }
    Tenant tenant = book.tenant(query);
    HealthModel model = book.model(query);
    List<LocalDate> chosen = dates.isEmpty() ? List.of(book.asOf(tenant, Optional.empty())) : dates;
    List<Distribution> result = new ArrayList<>();
    for (LocalDate date : chosen) {
      Map<String, Long> perBand = new LinkedHashMap<>();
      model.bands().names().forEach(name -> perBand.put(name, 0L));
      long unscored = 0;
      double sum = 0;
      for (var scored : book.score(tenant, model, date, query.segment(), Optional.empty())) {
        var score = scored.score();
        if (score.score().isEmpty()) {
          unscored++;
        } else {
          perBand.merge(score.band().orElseThrow(), 1L, Long::sum);
          sum += score.score().getAsDouble();
        }
      }
      long count = perBand.values().stream().mapToLong(Long::longValue).sum();
      result.add(new Distribution(date, model.version(), perBand, count, unscored,
          count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count)));
    }
    return result;
  }
}
