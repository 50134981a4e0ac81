package io.cskpi.adapters.grpc;

import io.cskpi.application.HealthQuery;
import io.cskpi.application.UseCases.HealthUseCases;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.health.HealthModel;
import io.cskpi.proto.v1.BatchRecordSignalsRequest;
import io.cskpi.proto.v1.BatchRecordSignalsResponse;
import io.cskpi.proto.v1.ComputeHealthDistributionRequest;
import io.cskpi.proto.v1.ComputeHealthDistributionResponse;
import io.cskpi.proto.v1.CustomerHealth;
import io.cskpi.proto.v1.GetCustomerHealthRequest;
import io.cskpi.proto.v1.GetHealthModelRequest;
import io.cskpi.proto.v1.HealthServiceGrpc;
import io.cskpi.proto.v1.ListCustomerHealthRequest;
import io.cskpi.proto.v1.ListCustomerHealthResponse;
import io.cskpi.proto.v1.ListHealthChangesRequest;
import io.cskpi.proto.v1.ListHealthChangesResponse;
import io.cskpi.proto.v1.UpdateHealthModelRequest;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** cskpi.v1.HealthService. */
public final class HealthGrpcService extends HealthServiceGrpc.HealthServiceImplBase {

  private final Replay replay;
  private final HealthUseCases useCases;

  public HealthGrpcService(HealthUseCases useCases, Replay replay) {
    this.replay = replay;
    this.useCases = useCases;
  }

  @Override
  public void batchRecordSignals(BatchRecordSignalsRequest request,
      StreamObserver<BatchRecordSignalsResponse> observer) {
    Rpc.unary(observer, "parent", () -> replay.once(request, BatchRecordSignalsResponse.parser(),
        () -> record(request)));
  }

  /** The work of BatchRecordSignals, also a streamed import\'s batch. */
  BatchRecordSignalsResponse record(BatchRecordSignalsRequest request) {
    TenantId tenant = ResourceNames.tenant("parent", request.getParent());
    RecordOutcome outcome = useCases.recordSignals().record(tenant,
        Fields.mapAll("signals", request.getSignalsList(), HealthProtoMapper::fromProto));
    return BatchRecordSignalsResponse.newBuilder()
        .setRecordedCount(outcome.recorded()).setAlreadyRecordedCount(outcome.alreadyRecorded()).build();
  }

  @Override
  public void updateHealthModel(UpdateHealthModelRequest request,
      StreamObserver<io.cskpi.proto.v1.HealthModel> observer) {
    Rpc.unary(observer, "health_model.name", () -> {
      var proto = request.getHealthModel();
      TenantId tenant = ResourceNames.healthModel("health_model.name", proto.getName());
      // The model's violations are named relative to it (measures[0].weight): put them under health_model.
      HealthModel model = Fields.under("health_model", () -> useCases.setHealthModel().set(tenant,
          HealthProtoMapper.measures(proto), HealthProtoMapper.bands(proto), request.getValidateOnly()));
      return HealthProtoMapper.toProto(tenant, model);
    });
  }

  @Override
  public void getHealthModel(GetHealthModelRequest request, StreamObserver<io.cskpi.proto.v1.HealthModel> observer) {
    Rpc.unary(observer, "name", () -> {
      TenantId tenant = ResourceNames.healthModel("name", request.getName());
      OptionalInt version = version("model_version", request.hasModelVersion(), request.getModelVersion());
      return HealthProtoMapper.toProto(tenant, useCases.getHealthModel().get(tenant, version));
    });
  }

  @Override
  public void getCustomerHealth(GetCustomerHealthRequest request, StreamObserver<CustomerHealth> observer) {
    Rpc.unary(observer, "customer", () -> {
      var customer = ResourceNames.customer("customer", request.getCustomer());
      var health = useCases.getCustomerHealth().get(customer.tenant(), customer.customerId(),
          asOf("as_of_date", request.hasAsOfDate(), request.getAsOfDate()),
          version("model_version", request.hasModelVersion(), request.getModelVersion()));
      return HealthProtoMapper.toProto(customer.tenant(), health.customerId(), health.asOf(), health.score());
    });
  }

  @Override
  public void listCustomerHealth(ListCustomerHealthRequest request,
      StreamObserver<ListCustomerHealthResponse> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      boolean highestFirst = switch (request.getOrderBy()) {
        case HEALTH_ORDER_UNSPECIFIED, HEALTH_ORDER_LOWEST_FIRST -> false;
        case HEALTH_ORDER_HIGHEST_FIRST -> true;
        default -> throw CskpiException.invalid("order_by", "must be LOWEST_FIRST or HIGHEST_FIRST");
      };
      var query = new HealthQuery(tenant, asOf("as_of_date", request.hasAsOfDate(), request.getAsOfDate()),
          KpiProtoMapper.segment(request.getSegmentList()),
          version("model_version", request.hasModelVersion(), request.getModelVersion()));
      Optional<String> band = request.getBand().isEmpty() ? Optional.empty() : Optional.of(request.getBand());
      var page = useCases.listCustomerHealth().list(query, highestFirst, band,
          PageRequest.of(request.getPageSize(), request.getPageToken()));
      return ListCustomerHealthResponse.newBuilder()
          .addAllCustomerHealth(page.items().stream()
              .map(h -> HealthProtoMapper.toProto(tenant, h.customerId(), h.asOf(), h.score())).toList())
          .setNextPageToken(page.nextToken()).build();
    });
  }

  @Override
  public void computeHealthDistribution(ComputeHealthDistributionRequest request,
      StreamObserver<ComputeHealthDistributionResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      List<LocalDate> dates = new ArrayList<>();
      for (int i = 0; i < request.getAsOfDatesCount(); i++) {
        dates.add(ProtoDates.required("as_of_dates[" + i + "]", true, request.getAsOfDates(i)));
      }
      var query = new HealthQuery(tenant, Optional.empty(), KpiProtoMapper.segment(request.getSegmentList()),
          version("model_version", request.hasModelVersion(), request.getModelVersion()));
      return ComputeHealthDistributionResponse.newBuilder()
          .addAllDistributions(useCases.computeHealthDistribution().compute(query, dates).stream()
              .map(HealthProtoMapper::toProto).toList())
          .build();
    });
  }

  @Override
  public void listHealthChanges(ListHealthChangesRequest request, StreamObserver<ListHealthChangesResponse> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      LocalDate baseline = ProtoDates.required("baseline_date", request.hasBaselineDate(), request.getBaselineDate());
      var query = new HealthQuery(tenant, asOf("as_of_date", request.hasAsOfDate(), request.getAsOfDate()),
          KpiProtoMapper.segment(request.getSegmentList()),
          version("model_version", request.hasModelVersion(), request.getModelVersion()));
      var page = useCases.listHealthChanges().list(query, baseline, request.getRisesFirst(),
          PageRequest.of(request.getPageSize(), request.getPageToken()));
      return ListHealthChangesResponse.newBuilder()
          .addAllHealthChanges(page.items().stream().map(c -> HealthProtoMapper.toProto(tenant, c)).toList())
          .setNextPageToken(page.nextToken()).build();
    });
  }

  /** An optional date: empty when unset (today in the tenant's zone). */
  private static Optional<LocalDate> asOf(String field, boolean present, com.google.type.Date date) {
    return present ? Optional.of(ProtoDates.required(field, true, date)) : Optional.empty();
  }

  /** An optional model version: empty when unset (the model in force), 0 the default model. */
  private static OptionalInt version(String field, boolean present, int version) {
    if (!present) {
      return OptionalInt.empty();
    }
    if (version < 0) {
      throw CskpiException.invalid(field, "must be 0 (the default model) or a version set, was " + version);
    }
    return OptionalInt.of(version);
  }

  /** The same failure naming {@code to} where the use case named {@code from}. */}
