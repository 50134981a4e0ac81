package io.cskpi.application;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.HoldoutComparison;
import java.time.LocalDate;

/**
 * A fit's predictions against what its customers did after the calibration date: the repeat
 * purchase days expected and made in a holdout, per calibration frequency and week by week.
 */
public final class CompareHoldout {

  /** Frequency groups when the request names none: x = 0..6 and 7 or more, as in the BG/NBD paper. */
  public static final int DEFAULT_FREQUENCY_GROUPS = 8;
  /** Most frequency groups a request may ask for. */
  public static final int MAX_FREQUENCY_GROUPS = 100;

  /** The fit and the comparison. */
  public record Result(ClvModel model, HoldoutComparison comparison) {}

  private final ClvModelRepository models;
  private final TenantLookup lookup;
  private final GetClvModel getModel;

  public CompareHoldout(ClvModelRepository models, TenantLookup lookup, GetClvModel getModel) {
    this.models = models;
    this.lookup = lookup;
    this.getModel = getModel;
  }

  /**
   * @param holdoutEnd the holdout's last local date, after the calibration date
   * @param frequencyGroups 1 to {@link #MAX_FREQUENCY_GROUPS}; 0 means {@link #DEFAULT_FREQUENCY_GROUPS}
   */
  public Result compare(TenantId tenant, String modelId, LocalDate holdoutEnd, int frequencyGroups) {
    if (frequencyGroups < 0 || frequencyGroups > MAX_FREQUENCY_GROUPS) {
      throw CskpiException.invalid("frequency_groups", "must be 1 to " + MAX_FREQUENCY_GROUPS + ", or 0 for "
          + DEFAULT_FREQUENCY_GROUPS);
    }
    ClvModel model = getModel.get(tenant, modelId, "clv_model");
    if (!holdoutEnd.isAfter(model.calibrationEndDate())) {
      throw CskpiException.invalid("holdout_end_date", "must be after the fit's calibration date "
          + model.calibrationEndDate());
    }
    var activity = models.holdoutActivity(tenant, model, lookup.require(tenant).timeZone(), holdoutEnd);
    try {
      return new Result(model, HoldoutComparison.of(model.purchases(), model.calibrationEndDate(), holdoutEnd,
          frequencyGroups == 0 ? DEFAULT_FREQUENCY_GROUPS : frequencyGroups, activity.histories(),
          activity.repeatPurchasesByDate()));
    } catch (IllegalArgumentException tooLong) {
      throw CskpiException.invalid("holdout_end_date", tooLong.getMessage());
    }
  }
}
