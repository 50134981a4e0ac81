package io.cskpi.adapters.grpc;

import io.cskpi.application.UseCases.PredictiveClvUseCases;
import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.proto.v1.ClvModel;
import io.cskpi.proto.v1.ClvModelServiceGrpc;
import io.cskpi.proto.v1.CompareHoldoutRequest;
import io.cskpi.proto.v1.CompareHoldoutResponse;
import io.cskpi.proto.v1.ComputePredictedValueRequest;
import io.cskpi.proto.v1.ComputePredictedValueResponse;
import io.cskpi.proto.v1.CreateClvModelRequest;
import io.cskpi.proto.v1.CustomerValue;
import io.cskpi.proto.v1.GetClvModelRequest;
import io.cskpi.proto.v1.GetCustomerValueRequest;
import io.cskpi.proto.v1.ListClvModelsRequest;
import io.cskpi.proto.v1.ListClvModelsResponse;
import io.cskpi.proto.v1.ListCustomerValuesRequest;
import io.cskpi.proto.v1.ListCustomerValuesResponse;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;

/** cskpi.v1.ClvModelService. */
public final class ClvModelGrpcService extends ClvModelServiceGrpc.ClvModelServiceImplBase {

  private static final String MODELS = "clvModels";

  private final PredictiveClvUseCases useCases;

  public ClvModelGrpcService(PredictiveClvUseCases useCases) {
    this.useCases = useCases;
  }

  @Override
  public void createClvModel(CreateClvModelRequest request, StreamObserver<ClvModel> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      var settings = Fields.under("clv_model", () -> ClvModelProtoMapper.fromProto(request.getClvModel()));
      return ClvModelProtoMapper.toProto(tenant,
          Fields.under("clv_model", () -> useCases.createClvModel().create(tenant, settings)));
    });
  }

  @Override
  public void getClvModel(GetClvModelRequest request, StreamObserver<ClvModel> observer) {
    Rpc.unary(observer, "name", () -> {
      var name = ResourceNames.child("name", request.getName(), MODELS);
      return ClvModelProtoMapper.toProto(name.tenant(), useCases.getClvModel().get(name.tenant(), name.id(), "name"));
    });
  }

  @Override
  public void listClvModels(ListClvModelsRequest request, StreamObserver<ListClvModelsResponse> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      var page = useCases.listClvModels().list(tenant, PageRequest.of(request.getPageSize(), request.getPageToken()));
      return ListClvModelsResponse.newBuilder()
          .addAllClvModels(page.items().stream().map(m -> ClvModelProtoMapper.toProto(tenant, m)).toList())
          .setNextPageToken(page.nextToken()).build();
    });
  }

  @Override
  public void listCustomerValues(ListCustomerValuesRequest request, StreamObserver<ListCustomerValuesResponse> observer) {
    Rpc.unary(observer, "clv_model", () -> {
      var name = ResourceNames.child("clv_model", request.getClvModel(), MODELS);
      ClvModelRepository.Order order = switch (request.getOrderBy()) {
        case CUSTOMER_VALUE_ORDER_UNSPECIFIED, CUSTOMER_VALUE_ORDER_VALUE -> ClvModelRepository.Order.VALUE;
        case CUSTOMER_VALUE_ORDER_PROBABILITY_ALIVE -> ClvModelRepository.Order.PROBABILITY_ALIVE;
        default -> throw CskpiException.invalid("order_by", "must be VALUE or PROBABILITY_ALIVE");
      };
      PageRequest pageRequest = PageRequest.of(request.getPageSize(), request.getPageToken());
      String currency = useCases.getClvModel().get(name.tenant(), name.id(), "clv_model").currencyCode();
      var page = useCases.listCustomerValues().list(name.tenant(), name.id(), order, pageRequest);
      return ListCustomerValuesResponse.newBuilder()
          .addAllCustomerValues(page.items().stream()
              .map(p -> ClvModelProtoMapper.toProto(name.tenant(), currency, p)).toList())
          .setNextPageToken(page.nextToken()).build();
    });
  }

  @Override
  public void getCustomerValue(GetCustomerValueRequest request, StreamObserver<CustomerValue> observer) {
    Rpc.unary(observer, "clv_model", () -> {
      var name = ResourceNames.child("clv_model", request.getClvModel(), MODELS);
      var customer = ResourceNames.customer("customer", request.getCustomer());
      if (!customer.tenant().equals(name.tenant())) {
        throw CskpiException.invalid("customer", "must be a customer of the fit's tenant");
      }
      String currency = useCases.getClvModel().get(name.tenant(), name.id(), "clv_model").currencyCode();
      return ClvModelProtoMapper.toProto(name.tenant(), currency,
          useCases.getCustomerValue().get(name.tenant(), name.id(), customer.customerId()));
    });
  }

  @Override
  public void computePredictedValue(ComputePredictedValueRequest request,
      StreamObserver<ComputePredictedValueResponse> observer) {
    Rpc.unary(observer, "clv_model", () -> {
      var name = ResourceNames.child("clv_model", request.getClvModel(), MODELS);
      var result = useCases.computePredictedValue().compute(name.tenant(), name.id(),
          KpiProtoMapper.segment(request.getSegmentList()));
      return ClvModelProtoMapper.toProto(result.model(), result.totals());
    });
  }

  @Override
  public void compareHoldout(CompareHoldoutRequest request, StreamObserver<CompareHoldoutResponse> observer) {
    Rpc.unary(observer, "clv_model", () -> {
      var name = ResourceNames.child("clv_model", request.getClvModel(), MODELS);
      LocalDate holdoutEnd = ProtoDates.required("holdout_end_date", request.hasHoldoutEndDate(),
          request.getHoldoutEndDate());
      var result = useCases.compareHoldout().compare(name.tenant(), name.id(), holdoutEnd,
          request.getFrequencyGroups());
      return ClvModelProtoMapper.toProto(result.comparison());
    });
  }
}
