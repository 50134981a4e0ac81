package io.cskpi.adapters.grpc;

import io.cskpi.application.CreateClvModel;
import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.domain.Identifiers;
import io.cskpi.domain.Money;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.predictive.BgNbdFitResult;
import io.cskpi.domain.kpi.predictive.ClvHorizon;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.CustomerPrediction;
import io.cskpi.domain.kpi.predictive.HoldoutComparison;
import io.cskpi.domain.kpi.predictive.GammaGammaFitResult;
import io.cskpi.proto.v1.AttributeFilter;
import io.cskpi.proto.v1.BgNbdFit;
import io.cskpi.proto.v1.CompareHoldoutResponse;
import io.cskpi.proto.v1.ComputePredictedValueResponse;
import io.cskpi.proto.v1.HoldoutFrequencyGroup;
import io.cskpi.proto.v1.TrackingWeek;
import io.cskpi.proto.v1.CustomerValue;
import io.cskpi.proto.v1.GammaGammaFit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Optional;

/** Predictive-CLV fits and predictions between proto and domain. */
final class ClvModelProtoMapper {

  static final int MAX_HORIZON_MONTHS = 120;

  private ClvModelProtoMapper() {}

  static CreateClvModel.Request fromProto(io.cskpi.proto.v1.ClvModel model) {
    String id = Identifiers.recordId("clv_model_id", model.getClvModelId());
    LocalDate end = ProtoDates.required("calibration_end_date", model.hasCalibrationEndDate(),
        model.getCalibrationEndDate());
    int months = model.getHorizonMonths() == 0 ? 12 : model.getHorizonMonths();
    if (months < 1 || months > MAX_HORIZON_MONTHS) {
      throw CskpiException.invalid("horizon_months", "must be 1 to " + MAX_HORIZON_MONTHS + " (0 means 12)");
    }
    double discount = model.hasMonthlyDiscountRate() ? model.getMonthlyDiscountRate() : 0.01;
    if (!(discount >= 0 && discount <= 1)) {
      throw CskpiException.invalid("monthly_discount_rate", "must be 0 to 1");
    }
    Optional<String> currency = model.getCurrencyCode().isEmpty() ? Optional.empty()
        : Optional.of(model.getCurrencyCode());
    return new CreateClvModel.Request(id, end, KpiProtoMapper.segment(model.getSegmentList()), currency,
        ClvHorizon.months(months, discount));
  }

  static String name(TenantId tenant, String modelId) {
    return tenant.resourceName() + "/clvModels/" + modelId;
  }

  static io.cskpi.proto.v1.ClvModel toProto(TenantId tenant, ClvModel model) {
    var builder = io.cskpi.proto.v1.ClvModel.newBuilder().setName(name(tenant, model.modelId()))
        .setClvModelId(model.modelId())
        .setCalibrationEndDate(ProtoDates.toProto(model.calibrationEndDate()))
        .setCurrencyCode(model.currencyCode()).setHorizonMonths(model.horizon().periods())
        .setMonthlyDiscountRate(model.horizon().discountPerPeriod())
        .setCreateTime(Fields.timestamp(model.createTime()))
        .setBgNbd(toProto(model.bgNbd())).setGammaGamma(toProto(model.gammaGamma())).addAllWarnings(model.warnings());
    model.segment().filters().forEach(f -> builder.addSegment(AttributeFilter.newBuilder().setKey(f.key())
        .addAllValues(f.values().stream().sorted().toList())));
    return builder.build();
  }

  private static BgNbdFit toProto(BgNbdFitResult fit) {
    var p = fit.parameters().orElseThrow();
    var builder = BgNbdFit.newBuilder().setR(p.r()).setAlpha(p.alpha()).setA(p.a()).setB(p.b())
        .setLogLikelihood(fit.logLikelihood().getAsDouble()).setCustomers(fit.customers())
        .setRepeatBuyers(fit.repeatBuyers());
    fit.standardErrors().ifPresent(e -> builder.setRStandardError(e.r()).setAlphaStandardError(e.alpha())
        .setAStandardError(e.a()).setBStandardError(e.b()));
    return builder.build();
  }

  private static GammaGammaFit toProto(GammaGammaFitResult fit) {
    var p = fit.parameters().orElseThrow();
    var builder = GammaGammaFit.newBuilder().setP(p.p()).setQ(p.q()).setGamma(p.gamma())
        .setLogLikelihood(fit.logLikelihood().getAsDouble()).setCustomers(fit.fitted())
        .setExcludedCustomers(fit.excludedNonPositiveMean());
    fit.frequencyValueCorrelation().ifPresent(builder::setFrequencyValueCorrelation);
    p.populationMeanValue().ifPresent(builder::setPopulationMeanValue);
    fit.standardErrors().ifPresent(e -> builder.setPStandardError(e.p()).setQStandardError(e.q())
        .setGammaStandardError(e.gamma()));
    return builder.build();
  }

  static CustomerValue toProto(TenantId tenant, String currency, CustomerPrediction prediction) {
    var builder = CustomerValue.newBuilder().setCustomer(ResourceNames.customerName(tenant, prediction.customerId()))
        .setX(prediction.history().x()).setTX(prediction.history().tx()).setT(prediction.history().T())
        .setProbabilityAlive(prediction.probabilityAlive()).setExpectedPurchases(prediction.expectedPurchases());
    prediction.meanRepeatValue().ifPresent(m -> builder.setMeanRepeatValue(money(m, currency)));
    prediction.expectedPurchaseValue().ifPresent(v -> builder.setExpectedPurchaseValue(
        PurchaseProtoMapper.toProto(Money.roundedToMinorUnit(BigDecimal.valueOf(v), currency))));
    prediction.value().ifPresent(v -> builder.setValue(PurchaseProtoMapper.toProto(v)));
    return builder.build();
  }

  static ComputePredictedValueResponse toProto(ClvModel model, ClvModelRepository.Totals totals) {
    var builder = ComputePredictedValueResponse.newBuilder().setCustomers(totals.customers())
        .setExpectedPurchases(totals.expectedPurchases());
    if (totals.customers() > 0) {
      builder.setMeanProbabilityAlive(totals.probabilityAliveSum() / totals.customers());
    }
    totals.totalValue().ifPresent(total -> builder.setTotalValue(PurchaseProtoMapper.toProto(
            Money.roundedToMinorUnit(total, model.currencyCode())))
        .setMeanValue(PurchaseProtoMapper.toProto(Money.roundedToMinorUnit(
            total.divide(BigDecimal.valueOf(totals.customers()), MathContext.DECIMAL128), model.currencyCode()))));
    return builder.build();
  }

  static CompareHoldoutResponse toProto(HoldoutComparison comparison) {
    var builder = CompareHoldoutResponse.newBuilder().setHoldoutWeeks(comparison.holdoutWeeks());
    long actual = 0;
    double expected = 0;
    for (HoldoutComparison.FrequencyGroup g : comparison.groups()) {
      var group = HoldoutFrequencyGroup.newBuilder().setFrequency(g.frequency()).setOrMore(g.orMore())
          .setCustomers(g.customers()).setActualPurchases(g.actualPurchases())
          .setExpectedPurchases(g.expectedPurchases());
      if (g.customers() > 0) {
        group.setActualPerCustomer((double) g.actualPurchases() / g.customers())
            .setExpectedPerCustomer(g.expectedPurchases() / g.customers());
      }
      builder.addFrequencyGroups(group);
      actual += g.actualPurchases();
      expected += g.expectedPurchases();
    }
    comparison.weeks().forEach(w -> builder.addWeeks(TrackingWeek.newBuilder().setWeek(w.week())
        .setLastDate(ProtoDates.toProto(w.lastDate())).setActualCumulative(w.actualCumulative())
        .setExpectedCumulative(w.expectedCumulative())));
    return builder.setActualPurchases(actual).setExpectedPurchases(expected).build();
  }

  private static io.cskpi.proto.v1.Money money(BigDecimal amount, String currency) {
    return io.cskpi.proto.v1.Money.newBuilder().setCurrencyCode(currency).setAmount(amount.toPlainString()).build();
  }
}
