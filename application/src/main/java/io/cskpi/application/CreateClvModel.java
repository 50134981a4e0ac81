package io.cskpi.application;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.ClvModelRepository.CustomerRecord;
import io.cskpi.application.port.CustomerRepository;
import io.cskpi.domain.Money;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.predictive.BgNbdFit;
import io.cskpi.domain.kpi.predictive.BgNbdFitResult;
import io.cskpi.domain.kpi.predictive.ClvHorizon;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.CustomerHistory;
import io.cskpi.domain.kpi.predictive.CustomerPrediction;
import io.cskpi.domain.kpi.predictive.GammaGammaFit;
import io.cskpi.domain.kpi.predictive.GammaGammaFitResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fits BG/NBD and Gamma-Gamma on a tenant's purchases up to a calibration date (spec section 2,
 * PREDICTIVE) and stores the fit with every customer's prediction. A retried creation returns the
 * stored fit without fitting again.
 */
public final class CreateClvModel {

  /** What to fit: an id, the last local date of the calibration, a segment, a currency, a horizon. */
  public record Request(String modelId, LocalDate calibrationEndDate, Segment segment,
      Optional<String> currencyCode, ClvHorizon horizon) {}

  private final ClvModelRepository models;
  private final CustomerRepository customers;
  private final TenantLookup lookup;
  private final Clock clock;

  public CreateClvModel(ClvModelRepository models, CustomerRepository customers, TenantLookup lookup, Clock clock) {
    this.models = models;
    this.customers = customers;
    this.lookup = lookup;
    this.clock = clock;
  }

  public ClvModel create(TenantId tenantId, Request request) {
    Tenant tenant = lookup.require(tenantId);
    request.currencyCode().ifPresent(Money::zero); // validates the code
    KpiScope.requireKnownAttributes(tenantId, request.segment(), customers);
    Instant end = request.calibrationEndDate().plusDays(1).atStartOfDay(tenant.timeZone()).toInstant();
    String currency = request.currencyCode().orElseGet(() -> onlyCurrency(models.purchaseCurrencies(tenantId, end)));
    Optional<ClvModel> stored = models.find(tenantId, request.modelId());
    if (stored.isPresent()) {
      ClvModel model = stored.get();
      if (model.calibrationEndDate().equals(request.calibrationEndDate()) && model.segment().equals(request.segment())
          && model.currencyCode().equals(currency) && model.horizon().equals(request.horizon())) {
        return model;
      }
      throw ClvModel.alreadyExists(request.modelId());
    }
    List<CustomerRecord> records = models.histories(tenantId, end, tenant.timeZone(), request.calibrationEndDate(),
        currency, request.segment());
    List<CustomerHistory> histories = records.stream().map(CustomerRecord::history).toList();
    BgNbdFitResult purchases = BgNbdFit.fit(histories);
    if (!purchases.converged()) {
      throw failed("BG/NBD: " + purchases.reason());
    }
    GammaGammaFitResult spend = GammaGammaFit.fit(histories);
    if (!spend.converged()) {
      throw failed("Gamma-Gamma: " + spend.reason());
    }
    ClvModel model = new ClvModel(request.modelId(), request.calibrationEndDate(), request.segment(), currency,
        request.horizon(), clock.instant().truncatedTo(ChronoUnit.MICROS), purchases, spend);
    List<CustomerPrediction> predictions = records.stream()
        .map(r -> CustomerPrediction.of(model, r.customerId(), r.history(), r.meanRepeatValue())).toList();
    return models.create(tenantId, model, predictions);
  }

  private static CskpiException failed(String reason) {
    return new CskpiException(CskpiException.Kind.FAILED_PRECONDITION, "CLV_FIT_FAILED", "the fit cannot be made: " + reason);
  }

  private static String onlyCurrency(Set<String> currencies) {
    if (currencies.size() > 1) {
      throw new CskpiException(CskpiException.Kind.FAILED_PRECONDITION, "SEVERAL_CURRENCIES",
          "the purchases are in " + new TreeSet<>(currencies) + "; set currency_code to one of them");
    }
    if (currencies.isEmpty()) {
      throw failed("there are no purchases before the end of the calibration date");
    }
    return currencies.iterator().next();
  }
}
