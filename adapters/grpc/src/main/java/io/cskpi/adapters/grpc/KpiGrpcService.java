package io.cskpi.adapters.grpc;

import io.cskpi.application.UseCases;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.RetentionCostDenominator;
import io.cskpi.proto.v1.ComputeChurnRateRequest;
import io.cskpi.proto.v1.ComputeKpiReportRequest;
import io.cskpi.proto.v1.ComputeKpiReportResponse;
import io.cskpi.proto.v1.ComputeChurnRateResponse;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueRequest;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueResponse;
import io.cskpi.proto.v1.ComputeCustomerSatisfactionRequest;
import io.cskpi.proto.v1.ComputeCustomerSatisfactionResponse;
import io.cskpi.proto.v1.ComputeNetPromoterScoreRequest;
import io.cskpi.proto.v1.ComputeNetPromoterScoreResponse;
import io.cskpi.proto.v1.ComputeRetentionCostRequest;
import io.cskpi.proto.v1.ComputeRetentionCostResponse;
import io.cskpi.proto.v1.KpiReport;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;

/** cskpi.v1.KpiService. */
public final class KpiGrpcService extends KpiServiceGrpc.KpiServiceImplBase {

  private final UseCases useCases;

  public KpiGrpcService(UseCases useCases) {
    this.useCases = useCases;
  }

  @Override
  public void computeChurnRate(ComputeChurnRateRequest request,
      StreamObserver<ComputeChurnRateResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      var rates = useCases.computeChurnRate().compute(KpiProtoMapper.query(tenant, request.hasPeriod(), request.getPeriod(),
          request.getPeriodCount(), request.getSegmentList()));
      return ComputeChurnRateResponse.newBuilder()
          .addAllChurnRates(rates.stream().map(KpiProtoMapper::toProto).toList()).build();
    });
  }

  @Override
  public void computeCustomerLifetimeValue(ComputeCustomerLifetimeValueRequest request,
      StreamObserver<ComputeCustomerLifetimeValueResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      var query = KpiProtoMapper.query(tenant, request.hasPeriod(), request.getPeriod(), request.getPeriodCount(),
          request.getSegmentList());
      Optional<String> currency = request.getCurrencyCode().isEmpty() ? Optional.empty()
          : Optional.of(request.getCurrencyCode());
      var clv = useCases.computeCustomerLifetimeValue();
      var values = switch (request.getMethod()) {
        case CLV_METHOD_UNSPECIFIED, CLV_METHOD_HISTORICAL ->
            clv.compute(query, currency).stream().map(KpiProtoMapper::toProto).toList();
        case CLV_METHOD_ARPA_CHURN -> clv.computeArpaChurn(query, currency).stream().map(KpiProtoMapper::toProto).toList();
        default -> throw CskpiException.invalid("method", "must be CLV_METHOD_HISTORICAL or CLV_METHOD_ARPA_CHURN");
      };
      return ComputeCustomerLifetimeValueResponse.newBuilder().addAllCustomerLifetimeValues(values).build();
    });
  }

  @Override
  public void computeNetPromoterScore(ComputeNetPromoterScoreRequest request,
      StreamObserver<ComputeNetPromoterScoreResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      var scores = useCases.computeNetPromoterScore().compute(KpiProtoMapper.query(tenant, request.hasPeriod(),
          request.getPeriod(), request.getPeriodCount(), request.getSegmentList()), request.getLatestPerCustomer());
      return ComputeNetPromoterScoreResponse.newBuilder().addAllNetPromoterScores(scores.stream()
          .map(nps -> KpiProtoMapper.toProto(nps, request.getLatestPerCustomer())).toList()).build();
    });
  }

  @Override
  public void computeCustomerSatisfaction(ComputeCustomerSatisfactionRequest request,
      StreamObserver<ComputeCustomerSatisfactionResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      var rates = useCases.computeCustomerSatisfaction().compute(KpiProtoMapper.query(tenant, request.hasPeriod(),
          request.getPeriod(), request.getPeriodCount(), request.getSegmentList()));
      return ComputeCustomerSatisfactionResponse.newBuilder()
          .addAllCustomerSatisfactions(rates.stream().map(KpiProtoMapper::toProto).toList()).build();
    });
  }

  @Override
  public void computeRetentionCost(ComputeRetentionCostRequest request,
      StreamObserver<ComputeRetentionCostResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      var query = KpiProtoMapper.query(tenant, request.hasPeriod(), request.getPeriod(), request.getPeriodCount(),
          List.of());
      var denominator = switch (request.getDenominator()) {
        case RETENTION_COST_DENOMINATOR_UNSPECIFIED, RETENTION_COST_DENOMINATOR_RETAINED ->
            RetentionCostDenominator.RETAINED;
        case RETENTION_COST_DENOMINATOR_ACTIVE_AT_START -> RetentionCostDenominator.ACTIVE_AT_START;
        case RETENTION_COST_DENOMINATOR_ACTIVE_DURING -> RetentionCostDenominator.ACTIVE_DURING;
        default -> throw CskpiException.invalid("denominator", "is not a known denominator");
      };
      Optional<String> currency = request.getCurrencyCode().isEmpty() ? Optional.empty()
          : Optional.of(request.getCurrencyCode());
      var costs = useCases.computeRetentionCost().compute(query, denominator, currency);
      return ComputeRetentionCostResponse.newBuilder()
          .addAllRetentionCosts(costs.stream().map(KpiProtoMapper::toProto).toList()).build();
    });
  }

  @Override
  public void computeKpiReport(ComputeKpiReportRequest request, StreamObserver<ComputeKpiReportResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      var query = KpiProtoMapper.query(tenant, request.hasPeriod(), request.getPeriod(), request.getPeriodCount(),
          request.getSegmentList());
      Optional<String> currency = request.getCurrencyCode().isEmpty() ? Optional.empty()
          : Optional.of(request.getCurrencyCode());
      ComputeKpiReportResponse.Builder response = ComputeKpiReportResponse.newBuilder();
      for (var report : useCases.computeKpiReport().compute(query, currency)) {
        KpiReport.Builder proto = KpiReport.newBuilder()
            .setPeriod(KpiProtoMapper.toProto(report.period()))
            .setChurnRate(KpiProtoMapper.toProto(report.churnRate()))
            .setCustomerLifetimeValue(KpiProtoMapper.toProto(report.customerLifetimeValue()))
            .setNetPromoterScore(KpiProtoMapper.toProto(report.netPromoterScore(), false))
            .setCustomerSatisfaction(KpiProtoMapper.toProto(report.customerSatisfaction()));
        report.retentionCost().map(KpiProtoMapper::toProto).ifPresent(proto::setRetentionCost);
        response.addReports(proto);
      }
      return response.build();
    });
  }
}
