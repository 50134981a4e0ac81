package io.cskpi.adapters.grpc;

import io.cskpi.application.KpiQuery;
import io.cskpi.application.PeriodQuery;
import io.cskpi.domain.CalendarUnit;
import io.cskpi.domain.Money;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.TimeZones;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.ArpaChurnClv;
import io.cskpi.domain.kpi.ChurnRate;
import io.cskpi.domain.kpi.Csat;
import io.cskpi.domain.kpi.CsatSurveyCounts;
import io.cskpi.domain.kpi.HistoricalClv;
import io.cskpi.domain.kpi.MonthFigures;
import io.cskpi.domain.kpi.Nps;
import io.cskpi.domain.kpi.RetentionCost;
import io.cskpi.domain.kpi.UndefinedReason;
import io.cskpi.proto.v1.ArpaChurnClvInputs;
import io.cskpi.proto.v1.AttributeFilter;
import io.cskpi.proto.v1.CalendarPeriod;
import io.cskpi.proto.v1.CategoryCost;
import io.cskpi.proto.v1.ChurnRule;
import io.cskpi.proto.v1.ClvMethod;
import io.cskpi.proto.v1.CsatSurveyFigures;
import io.cskpi.proto.v1.CustomerLifetimeValue;
import io.cskpi.proto.v1.CustomerSatisfaction;
import io.cskpi.proto.v1.HistoricalClvInputs;
import io.cskpi.proto.v1.LifespanSource;
import io.cskpi.proto.v1.NetPromoterScore;
import io.cskpi.proto.v1.ResolvedPeriod;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/** KPI requests and results between proto and domain. */
final class KpiProtoMapper {

  private KpiProtoMapper() {}

  static PeriodQuery period(boolean present, io.cskpi.proto.v1.Period period) {
    if (!present || period.getPeriodCase() == io.cskpi.proto.v1.Period.PeriodCase.PERIOD_NOT_SET) {
      throw CskpiException.invalid("period", "is required: set interval or calendar");
    }
    if (period.hasInterval()) {
      var interval = period.getInterval();
      var start = Fields.instant("period.interval.start_time", interval.hasStartTime(), interval.getStartTime());
      var end = Fields.instant("period.interval.end_time", interval.hasEndTime(), interval.getEndTime());
      if (start == null || end == null) {
        throw CskpiException.invalid(start == null ? "period.interval.start_time" : "period.interval.end_time",
            "is required");
      }
      return new PeriodQuery.Interval(start, end);
    }
    CalendarPeriod calendar = period.getCalendar();
    CalendarUnit unit = switch (calendar.getUnit()) {
      case CALENDAR_UNIT_DAY -> CalendarUnit.DAY;
      case CALENDAR_UNIT_WEEK -> CalendarUnit.WEEK;
      case CALENDAR_UNIT_MONTH -> CalendarUnit.MONTH;
      case CALENDAR_UNIT_QUARTER -> CalendarUnit.QUARTER;
      case CALENDAR_UNIT_YEAR -> CalendarUnit.YEAR;
      default -> throw CskpiException.invalid("period.calendar.unit", "is required: DAY, WEEK, MONTH, QUARTER or YEAR");
    };
    LocalDate date = ProtoDates.required("period.calendar.date", calendar.hasDate(), calendar.getDate());
    return new PeriodQuery.Calendar(unit, date, calendar.getTimeZone().isEmpty() ? null
        : TimeZones.parse("period.calendar.time_zone", calendar.getTimeZone()));
  }

  /** The tenant, period, series length and segment every KPI request carries. */
  static KpiQuery query(TenantId tenant, boolean hasPeriod, io.cskpi.proto.v1.Period period, int periodCount,
      List<AttributeFilter> segment) {
    PeriodQuery periodQuery = period(hasPeriod, period);
    if (periodCount < 0) {
      throw CskpiException.invalid("period_count", "must be 0 to " + PeriodQuery.MAX_SERIES);
    }
    return new KpiQuery(tenant, periodQuery, Math.max(1, periodCount), segment(segment));
  }

  /** A segment filter of a request, its fields named "segment[i]....". */
  static Segment segment(List<AttributeFilter> filters) {
    return new Segment(Fields.mapAll("segment", filters,
        f -> new Segment.AttributeFilter(f.getKey(), new HashSet<>(f.getValuesList()))));
  }

  static ResolvedPeriod toProto(Period period) {
    return ResolvedPeriod.newBuilder()
        .setStartTime(Fields.timestamp(period.start()))
        .setEndTime(Fields.timestamp(period.end()))
        .setTimeZone(period.zone().getId())
        .setLabel(period.label())
        .setDays(period.days().doubleValue())
        .build();
  }

  static io.cskpi.proto.v1.ChurnRate toProto(ChurnRate churn) {
    io.cskpi.proto.v1.ChurnRate.Builder proto = io.cskpi.proto.v1.ChurnRate.newBuilder()
        .setPeriod(toProto(churn.period()))
        .setRule(churn.policy() == null ? ChurnRule.getDefaultInstance() : TenantProtoMapper.toProto(churn.policy()))
        .setUndefinedReason(toProto(churn.undefinedReason()))
        .setCustomersAtStart(churn.counts().atStart())
        .setChurned(churn.counts().churned())
        .setNewCustomers(churn.counts().newCustomers())
        .setReactivations(churn.counts().reactivations())
        .setNewAndChurned(churn.counts().newAndChurned())
        .setActiveAtEnd(churn.counts().activeAtEnd());
    churn.ratePercent().ifPresent(proto::setRatePercent);
    churn.retentionRatePercent().ifPresent(proto::setRetentionRatePercent);
    return proto.build();
  }

  static CustomerLifetimeValue toProto(HistoricalClv clv) {
    String currency = clv.totals().revenue().currencyCode();
    HistoricalClvInputs.Builder inputs = HistoricalClvInputs.newBuilder()
        .setRevenue(PurchaseProtoMapper.toProto(clv.totals().revenue()))
        .setPurchases(clv.totals().purchases())
        .setPurchasingCustomers(clv.totals().purchasingCustomers())
        .setPurchaseFrequencyPerDay(clv.purchaseFrequencyPerDay())
        .setPurchaseFrequencyPer365Days(clv.purchaseFrequencyPer365Days())
        .setLifespanSource(switch (clv.lifespanSource()) {
          case CHURNED_CUSTOMERS -> LifespanSource.LIFESPAN_SOURCE_CHURNED_CUSTOMERS;
          case PERIOD_OVER_CHURN_RATE -> LifespanSource.LIFESPAN_SOURCE_PERIOD_OVER_CHURN_RATE;
          case NONE -> LifespanSource.LIFESPAN_SOURCE_UNSPECIFIED;
        })
        .setChurnedCustomers(clv.churnedCustomers());
    clv.averagePurchaseValue().ifPresent(apv -> inputs.setAveragePurchaseValue(
        io.cskpi.proto.v1.Money.newBuilder().setCurrencyCode(currency).setAmount(apv.toPlainString())));
    clv.lifespanDays().ifPresent(inputs::setLifespanDays);
    clv.churnRatePercent().ifPresent(inputs::setChurnRatePercent);
    CustomerLifetimeValue.Builder proto = CustomerLifetimeValue.newBuilder()
        .setPeriod(toProto(clv.period()))
        .setMethod(ClvMethod.CLV_METHOD_HISTORICAL)
        .setUndefinedReason(toProto(clv.undefinedReason()))
        .setHistorical(inputs);
    clv.value().map(PurchaseProtoMapper::toProto).ifPresent(proto::setValue);
    return proto.build();
  }

  static CustomerLifetimeValue toProto(ArpaChurnClv clv) {
    String currency = clv.currencyCode();
    ArpaChurnClvInputs.Builder inputs = ArpaChurnClvInputs.newBuilder();
    clv.arpaPerMonth().ifPresent(arpa -> inputs.setArpaPerMonth(
        io.cskpi.proto.v1.Money.newBuilder().setCurrencyCode(currency).setAmount(arpa.toPlainString())));
    clv.monthlyChurnPercent().ifPresent(inputs::setMonthlyChurnPercent);
    for (MonthFigures month : clv.months()) {
      inputs.addMonths(io.cskpi.proto.v1.MonthFigures.newBuilder().setLabel(month.label())
          .setRevenue(PurchaseProtoMapper.toProto(new Money(month.revenue(), currency)))
          .setActiveCustomers(month.activeCustomers()).setCustomersAtStart(month.customersAtStart())
          .setChurned(month.churned()));
    }
    CustomerLifetimeValue.Builder proto = CustomerLifetimeValue.newBuilder()
        .setPeriod(toProto(clv.period()))
        .setMethod(ClvMethod.CLV_METHOD_ARPA_CHURN)
        .setUndefinedReason(toProto(clv.undefinedReason()))
        .setArpaChurn(inputs);
    clv.value().map(PurchaseProtoMapper::toProto).ifPresent(proto::setValue);
    return proto.build();
  }

  static NetPromoterScore toProto(Nps nps, boolean latestPerCustomer) {
    NetPromoterScore.Builder proto = NetPromoterScore.newBuilder()
        .setPeriod(toProto(nps.period()))
        .setUndefinedReason(toProto(nps.undefinedReason()))
        .setResponses(nps.counts().responses())
        .setPromoters(nps.counts().promoters())
        .setPassives(nps.counts().passives())
        .setDetractors(nps.counts().detractors())
        .setLatestPerCustomer(latestPerCustomer);
    for (long count : nps.counts().byScore()) {
      proto.addResponsesByScore(count);
    }
    nps.score().ifPresent(proto::setScore);
    nps.promoterPercent().ifPresent(proto::setPromoterPercent);
    nps.passivePercent().ifPresent(proto::setPassivePercent);
    nps.detractorPercent().ifPresent(proto::setDetractorPercent);
    nps.standardError().ifPresent(proto::setStandardError);
    nps.marginOfError95().ifPresent(proto::setMarginOfError95);
    return proto.build();
  }

  static CustomerSatisfaction toProto(Csat csat) {
    CustomerSatisfaction.Builder proto = CustomerSatisfaction.newBuilder()
        .setPeriod(toProto(csat.period()))
        .setUndefinedReason(toProto(csat.undefinedReason()))
        .setAnswered(csat.answered())
        .setSatisfied(csat.satisfied());
    csat.ratePercent().ifPresent(proto::setRatePercent);
    csat.wilsonLowPercent().ifPresent(proto::setWilsonLowPercent);
    csat.wilsonHighPercent().ifPresent(proto::setWilsonHighPercent);
    csat.meanScore().ifPresent(proto::setMeanScore);
    for (CsatSurveyCounts survey : csat.surveys()) {
      CsatSurveyFigures.Builder figures = CsatSurveyFigures.newBuilder().setSurveyId(survey.surveyId())
          .setScale(SurveyProtoMapper.toProto(survey.scale())).setAnswered(survey.answered())
          .setSatisfied(survey.satisfied());
      survey.meanScore().ifPresent(figures::setMeanScore);
      proto.addSurveys(figures);
    }
    return proto.build();
  }

  static io.cskpi.proto.v1.RetentionCost toProto(RetentionCost cost) {
    io.cskpi.proto.v1.RetentionCost.Builder proto = io.cskpi.proto.v1.RetentionCost.newBuilder()
        .setPeriod(toProto(cost.period()))
        .setUndefinedReason(toProto(cost.undefinedReason()))
        .setTotal(PurchaseProtoMapper.toProto(cost.total()))
        .setDenominator(switch (cost.denominator()) {
          case RETAINED -> io.cskpi.proto.v1.RetentionCostDenominator.RETENTION_COST_DENOMINATOR_RETAINED;
          case ACTIVE_AT_START -> io.cskpi.proto.v1.RetentionCostDenominator.RETENTION_COST_DENOMINATOR_ACTIVE_AT_START;
          case ACTIVE_DURING -> io.cskpi.proto.v1.RetentionCostDenominator.RETENTION_COST_DENOMINATOR_ACTIVE_DURING;
        })
        .setCustomers(cost.customers());
    cost.byCategory().forEach((category, amount) -> proto.addByCategory(
        CategoryCost.newBuilder().setCategory(category).setAmount(PurchaseProtoMapper.toProto(amount))));
    cost.perCustomer().map(PurchaseProtoMapper::toProto).ifPresent(proto::setPerCustomer);
    return proto.build();
  }

  private static io.cskpi.proto.v1.UndefinedReason toProto(UndefinedReason reason) {
    return switch (reason) {
      case NONE -> io.cskpi.proto.v1.UndefinedReason.UNDEFINED_REASON_UNSPECIFIED;
      case NO_DATA -> io.cskpi.proto.v1.UndefinedReason.UNDEFINED_REASON_NO_DATA;
      case ZERO_DENOMINATOR -> io.cskpi.proto.v1.UndefinedReason.UNDEFINED_REASON_ZERO_DENOMINATOR;
    };
  }

}
