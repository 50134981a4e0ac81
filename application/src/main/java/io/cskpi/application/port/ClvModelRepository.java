package io.cskpi.application.port;

import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.CustomerHistory;
import io.cskpi.domain.kpi.predictive.CustomerPrediction;
import io.cskpi.domain.kpi.predictive.HoldoutComparison.HistoryCount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Predictive-CLV fits: the histories they are fitted on, and the stored fits with their predictions. */
public interface ClvModelRepository {

  /** A customer's history at a calibration end, with the exact mean of its repeat purchase days. */
  record CustomerRecord(String customerId, CustomerHistory history, Optional<BigDecimal> meanRepeatValue) {}

  /** The fit's customers' predictions summed up. */
  record Totals(long customers, Optional<BigDecimal> totalValue, double expectedPurchases, double probabilityAliveSum) {}

  /**
   * What a fit's customers did up to a holdout end: the customers grouped by calibration history
   * (x, t_x, T, no spend), each group with its purchase days after the calibration date; and per
   * local date, their repeat purchase days (each customer's purchase days after its first).
   */
  record HoldoutActivity(List<HistoryCount> histories, Map<LocalDate, Long> repeatPurchasesByDate) {}

  /** The order of a list of predictions, highest first, ties by customer id. */
  enum Order { VALUE, PROBABILITY_ALIVE }

  /** The currencies of the tenant's purchases before {@code end}. */
  Set<String> purchaseCurrencies(TenantId tenant, Instant end);

  /**
   * Every customer of the segment with a purchase (not a refund) in {@code currency} before
   * {@code end}: x, the repeat purchase days (the local dates in {@code zone} with a purchase,
   * less the first), t_x and T in weeks from the first such date to the last one and to
   * {@code lastDate}, and the mean of the repeat days' sums. Ordered by customer id.
   */
  List<CustomerRecord> histories(TenantId tenant, Instant end, ZoneId zone, LocalDate lastDate,
      String currency, Segment segment);

  /**
   * Stores a fit with its predictions, all or nothing, and returns it; a fit under the same id
   * with the same settings is returned as it is (a retried creation), one with other settings is
   * ALREADY_EXISTS.
   */
  ClvModel create(TenantId tenant, ClvModel model, List<CustomerPrediction> predictions);

  Optional<ClvModel> find(TenantId tenant, String modelId);

  /** Fits ordered by id. */
  Page<ClvModel> list(TenantId tenant, PageRequest page);

  /** A fit's predictions in {@code order}. */
  Page<CustomerPrediction> predictions(TenantId tenant, String modelId, Order order, PageRequest page);

  Optional<CustomerPrediction> prediction(TenantId tenant, String modelId, String customerId);

  /** The predictions of the fit's customers that are in {@code segment} now, summed up. */
  Totals totals(TenantId tenant, String modelId, Segment segment);

  /**
   * The fit's customers' purchase days (local dates in {@code zone}, in the fit's currency, refunds
   * left out) up to the end of {@code holdoutEnd}.
   */
  HoldoutActivity holdoutActivity(TenantId tenant, ClvModel model, ZoneId zone, LocalDate holdoutEnd);
}
