package io.cskpi.adapters.grpc;

import io.cskpi.application.ComputeHealthDistribution.Distribution;
import io.cskpi.application.ListHealthChanges;
import io.cskpi.domain.Signal;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.health.HealthBands;
import io.cskpi.domain.kpi.health.HealthMeasure;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.domain.kpi.health.HealthScore;
import io.cskpi.domain.kpi.health.ScoringRule;
import io.cskpi.proto.v1.BandCount;
import io.cskpi.proto.v1.CustomerHealth;
import io.cskpi.proto.v1.HealthBand;
import io.cskpi.proto.v1.HealthChange;
import io.cskpi.proto.v1.HealthDistribution;
import io.cskpi.proto.v1.LinearRule;
import io.cskpi.proto.v1.MeasureScore;
import io.cskpi.proto.v1.Tier;
import io.cskpi.proto.v1.TierRule;
import io.cskpi.proto.v1.UndefinedReason;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/** Signals, health models and scores between proto and domain. */
final class HealthProtoMapper {

  private HealthProtoMapper() {}

  static Signal fromProto(io.cskpi.proto.v1.Signal signal) {
    return new Signal(signal.getSignalId(), signal.getCustomerId(), signal.getName(),
        Fields.instant("time", signal.hasTime(), signal.getTime()), signal.getValue());
  }

  /** The measures as given; a measure without a rule gets none, which the model's validation names. */
  static List<HealthMeasure> measures(io.cskpi.proto.v1.HealthModel model) {
    return model.getMeasuresList().stream()
        .map(m -> new HealthMeasure(m.getSignal(), m.getWeight(), rule(m))).toList();
  }

  private static ScoringRule rule(io.cskpi.proto.v1.HealthMeasure measure) {
    return switch (measure.getRuleCase()) {
      case LINEAR -> new ScoringRule.Linear(measure.getLinear().getZeroPointsAt(),
          measure.getLinear().getFullPointsAt());
      case TIERS -> new ScoringRule.Tiers(measure.getTiers().getTiersList().stream()
          .map(t -> new ScoringRule.Tier(t.hasAbove() ? OptionalDouble.of(t.getAbove()) : OptionalDouble.empty(),
              t.hasUpTo() ? OptionalDouble.of(t.getUpTo()) : OptionalDouble.empty(), t.getPoints()))
          .toList());
      case RULE_NOT_SET -> null;
    };
  }

  /** The bands as given; none: the default bands. */
  static HealthBands bands(io.cskpi.proto.v1.HealthModel model) {
    if (model.getBandsCount() == 0) {
      return HealthBands.DEFAULT;
    }
    return new HealthBands(model.getBandsList().stream()
        .map(b -> new HealthBands.Band(b.getName(), b.getUpTo())).toList());
  }

  static io.cskpi.proto.v1.HealthModel toProto(TenantId tenant, HealthModel model) {
    var proto = io.cskpi.proto.v1.HealthModel.newBuilder().setName(ResourceNames.healthModelName(tenant))
        .setVersion(model.version());
    for (HealthMeasure measure : model.measures()) {
      var m = io.cskpi.proto.v1.HealthMeasure.newBuilder().setSignal(measure.signal()).setWeight(measure.weight());
      if (measure.rule() instanceof ScoringRule.Linear linear) {
        m.setLinear(LinearRule.newBuilder().setZeroPointsAt(linear.zeroPointsAt())
            .setFullPointsAt(linear.fullPointsAt()));
      } else if (measure.rule() instanceof ScoringRule.Tiers tiers) {
        TierRule.Builder rule = TierRule.newBuilder();
        for (ScoringRule.Tier tier : tiers.tiers()) {
          Tier.Builder t = Tier.newBuilder().setPoints(tier.points());
          tier.above().ifPresent(t::setAbove);
          tier.upTo().ifPresent(t::setUpTo);
          rule.addTiers(t);
        }
        m.setTiers(rule);
      }
      proto.addMeasures(m);
    }
    model.bands().bands().forEach(b -> proto.addBands(HealthBand.newBuilder().setName(b.name()).setUpTo(b.upTo())));
    return proto.build();
  }

  static CustomerHealth toProto(TenantId tenant, String customerId, LocalDate asOf, HealthScore score) {
    var proto = CustomerHealth.newBuilder().setCustomer(ResourceNames.customerName(tenant, customerId))
        .setAsOfDate(ProtoDates.toProto(asOf)).setModelVersion(score.modelVersion())
        .setWeightCoverage(score.weightCoverage());
    if (score.score().isPresent()) {
      proto.setScore(score.score().getAsDouble()).setBand(score.band().orElseThrow());
    } else {
      proto.setUndefinedReason(UndefinedReason.UNDEFINED_REASON_NO_DATA);
    }
    for (HealthScore.MeasureScore measure : score.measures()) {
      var m = MeasureScore.newBuilder().setSignal(measure.signal()).setWeight(measure.weight())
          .setMissing(measure.missing());
      measure.value().ifPresent(m::setValue);
      measure.points().ifPresent(m::setPoints);
      proto.addMeasures(m);
    }
    return proto.build();
  }

  static HealthDistribution toProto(Distribution distribution) {
    var proto = HealthDistribution.newBuilder().setAsOfDate(ProtoDates.toProto(distribution.asOf()))
        .setModelVersion(distribution.modelVersion()).setScoredCustomers(distribution.scored())
        .setUnscoredCustomers(distribution.unscored());
    distribution.customersPerBand().forEach((band, customers) -> {
      var count = BandCount.newBuilder().setBand(band).setCustomers(customers);
      if (distribution.scored() > 0) {
        count.setPercent(100.0 * customers / distribution.scored());
      }
      proto.addBands(count);
    });
    distribution.meanScore().ifPresent(proto::setMeanScore);
    return proto.build();
  }

  static HealthChange toProto(TenantId tenant, ListHealthChanges.HealthChange change) {
    return HealthChange.newBuilder().setCustomer(ResourceNames.customerName(tenant, change.customerId()))
        .setNow(toProto(tenant, change.customerId(), change.asOf(), change.now()))
        .setBaseline(toProto(tenant, change.customerId(), change.baseline(), change.before()))
        .setChange(change.change()).build();
  }
}
