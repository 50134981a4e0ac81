package io.cskpi.adapters.grpc;

import io.cskpi.application.GetCustomer;
import io.cskpi.application.ListCustomers;
import io.cskpi.application.RecordLifecycleEvents;
import io.cskpi.application.UpsertCustomers;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.application.port.UpsertOutcome;
import io.cskpi.domain.TenantId;
import io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest;
import io.cskpi.proto.v1.BatchRecordLifecycleEventsResponse;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersResponse;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CustomerServiceGrpc;
import io.cskpi.proto.v1.GetCustomerRequest;
import io.cskpi.proto.v1.ListCustomersRequest;
import io.cskpi.proto.v1.ListCustomersResponse;
import io.grpc.stub.StreamObserver;

/** cskpi.v1.CustomerService. */
public final class CustomerGrpcService extends CustomerServiceGrpc.CustomerServiceImplBase {

  private final Replay replay;
  private final UpsertCustomers upsertCustomers;
  private final RecordLifecycleEvents recordLifecycleEvents;
  private final GetCustomer getCustomer;
  private final ListCustomers listCustomers;

  public CustomerGrpcService(UpsertCustomers upsertCustomers, RecordLifecycleEvents recordLifecycleEvents,
      GetCustomer getCustomer, ListCustomers listCustomers, Replay replay) {
    this.replay = replay;
    this.upsertCustomers = upsertCustomers;
    this.recordLifecycleEvents = recordLifecycleEvents;
    this.getCustomer = getCustomer;
    this.listCustomers = listCustomers;
  }

  @Override
  public void batchUpsertCustomers(BatchUpsertCustomersRequest request,
      StreamObserver<BatchUpsertCustomersResponse> observer) {
    Rpc.unary(observer, "parent", () -> replay.once(request, BatchUpsertCustomersResponse.parser(),
        () -> upsert(request)));
  }

  /** The work of BatchUpsertCustomers, also a streamed import\'s batch. */
  BatchUpsertCustomersResponse upsert(BatchUpsertCustomersRequest request) {
    TenantId tenant = ResourceNames.tenant("parent", request.getParent());
    UpsertOutcome outcome = upsertCustomers.upsert(tenant,
        Fields.mapAll("customers", request.getCustomersList(), CustomerProtoMapper::fromProto));
    return BatchUpsertCustomersResponse.newBuilder()
        .setCreatedCount(outcome.created()).setUpdatedCount(outcome.updated()).build();
  }

  @Override
  public void batchRecordLifecycleEvents(BatchRecordLifecycleEventsRequest request,
      StreamObserver<BatchRecordLifecycleEventsResponse> observer) {
    Rpc.unary(observer, "parent", () -> replay.once(request, BatchRecordLifecycleEventsResponse.parser(),
        () -> recordEvents(request)));
  }

  /** The work of BatchRecordLifecycleEvents, also a streamed import\'s batch. */
  BatchRecordLifecycleEventsResponse recordEvents(BatchRecordLifecycleEventsRequest request) {
    TenantId tenant = ResourceNames.tenant("parent", request.getParent());
    RecordOutcome outcome = recordLifecycleEvents.record(tenant,
        Fields.mapAll("events", request.getEventsList(), CustomerProtoMapper::fromProto));
    return BatchRecordLifecycleEventsResponse.newBuilder()
        .setRecordedCount(outcome.recorded()).setAlreadyRecordedCount(outcome.alreadyRecorded()).build();
  }

  @Override
  public void getCustomer(GetCustomerRequest request, StreamObserver<Customer> observer) {
    Rpc.unary(observer, "name", () -> {
      ResourceNames.CustomerName name = ResourceNames.customer("name", request.getName());
      return CustomerProtoMapper.toProto(name.tenant(), getCustomer.get(name.tenant(), name.customerId()));
    });
  }

  @Override
  public void listCustomers(ListCustomersRequest request, StreamObserver<ListCustomersResponse> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      Page<io.cskpi.domain.Customer> page = listCustomers.list(tenant,
          PageRequest.of(request.getPageSize(), request.getPageToken()));
      return ListCustomersResponse.newBuilder()
          .addAllCustomers(page.items().stream().map(c -> CustomerProtoMapper.toProto(tenant, c)).toList())
          .setNextPageToken(page.nextToken())
          .build();
    });
  }
}
