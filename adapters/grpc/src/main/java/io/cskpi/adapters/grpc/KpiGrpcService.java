package io.cskpi.adapters.grpc;

import io.cskpi.application.ComputeChurnRate;
import io.cskpi.application.ComputeCustomerLifetimeValue;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.proto.v1.ClvMethod;
import io.cskpi.proto.v1.ComputeChurnRateRequest;
import io.cskpi.proto.v1.ComputeChurnRateResponse;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueRequest;
import io.cskpi.proto.v1.ComputeCustomerLifetimeValueResponse;
import io.cskpi.proto.v1.KpiServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.Optional;

/** cskpi.v1.KpiService. */
public final class KpiGrpcService extends KpiServiceGrpc.KpiServiceImplBase {

  private final ComputeChurnRate computeChurnRate;
  private final ComputeCustomerLifetimeValue computeCustomerLifetimeValue;

  public KpiGrpcService(ComputeChurnRate computeChurnRate,
      ComputeCustomerLifetimeValue computeCustomerLifetimeValue) {
    this.computeChurnRate = computeChurnRate;
    this.computeCustomerLifetimeValue = computeCustomerLifetimeValue;
  }

  @Override
  public void computeChurnRate(ComputeChurnRateRequest request,
      StreamObserver<ComputeChurnRateResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      var rates = computeChurnRate.compute(KpiProtoMapper.query(tenant, request.hasPeriod(), request.getPeriod(),
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
      if (request.getMethod() != ClvMethod.CLV_METHOD_UNSPECIFIED
          && request.getMethod() != ClvMethod.CLV_METHOD_HISTORICAL) {
        throw CskpiException.invalid("method", "must be CLV_METHOD_HISTORICAL");
      }
      var query = KpiProtoMapper.query(tenant, request.hasPeriod(), request.getPeriod(), request.getPeriodCount(),
          request.getSegmentList());
      Optional<String> currency = request.getCurrencyCode().isEmpty() ? Optional.empty()
          : Optional.of(request.getCurrencyCode());
      var values = computeCustomerLifetimeValue.compute(query, currency);
      return ComputeCustomerLifetimeValueResponse.newBuilder()
          .addAllCustomerLifetimeValues(values.stream().map(KpiProtoMapper::toProto).toList()).build();
    });
  }
}
