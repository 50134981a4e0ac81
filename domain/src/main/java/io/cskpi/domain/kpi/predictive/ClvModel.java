package io.cskpi.domain.kpi.predictive;

import io.cskpi.domain.Identifiers;
import io.cskpi.domain.Segment;
import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stored predictive-CLV fit (spec section 2, PREDICTIVE): what it was fitted on, the BG/NBD and
 * Gamma-Gamma estimates, and what the reader should know about them. A fit never changes, so
 * answers that name it stay the same.
 *
 * @param calibrationEndDate the last local date whose purchases enter the fit
 * @param currencyCode the purchases' currency
 * @param gammaGamma the spend fit; its parameters may have q &lt;= 1 (no finite mean spend)
 */
public record ClvModel(String modelId, LocalDate calibrationEndDate, Segment segment, String currencyCode,
    ClvHorizon horizon, Instant createTime, BgNbdFitResult bgNbd, GammaGammaFitResult gammaGamma) {

  public ClvModel {
    Identifiers.recordId("clv_model_id", modelId);
    Objects.requireNonNull(calibrationEndDate, "calibrationEndDate");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(currencyCode, "currencyCode");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(createTime, "createTime");
    if (!bgNbd.converged() || !gammaGamma.converged()) {
      throw new IllegalArgumentException("a stored fit has converged estimates");
    }
  }

  public BgNbdParameters purchases() {
    return bgNbd.parameters().orElseThrow();
  }

  public GammaGammaParameters spend() {
    return gammaGamma.parameters().orElseThrow();
  }

  /** ALREADY_EXISTS (CLV_MODEL_EXISTS): a fit with other settings is stored under the id. */
  public static CskpiException alreadyExists(String modelId) {
    return new CskpiException(CskpiException.Kind.ALREADY_EXISTS, "CLV_MODEL_EXISTS",
        "a fit with other settings exists under the id \"" + modelId + "\"");
  }

  /** Whether {@code other} asks for the same fit (a retried creation). */
  public boolean sameSettings(ClvModel other) {
    return modelId.equals(other.modelId) && calibrationEndDate.equals(other.calibrationEndDate)
        && segment.equals(other.segment) && currencyCode.equals(other.currencyCode) && horizon.equals(other.horizon);
  }

  /** What a reader of the values should know: a dependent spend, customers left out, no finite mean. */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    if (!spend().hasFiniteMeanSpend()) {
      warnings.add("q = " + spend().q() + " <= 1: the spend model has no finite mean, so no CLV is given");
    }
    if (gammaGamma.frequencyAndValueLookDependent()) {
      warnings.add(String.format("frequency and mean value correlate (%.3f): the Gamma-Gamma model assumes they"
          + " are independent", gammaGamma.frequencyValueCorrelation().getAsDouble()));
    }
    if (gammaGamma.excludedNonPositiveMean() > 0) {
      warnings.add(gammaGamma.excludedNonPositiveMean() + " repeat buyers with a zero or negative mean repeat value"
          + " (refunds) are left out of the spend model");
    }
    return warnings;
  }
}
