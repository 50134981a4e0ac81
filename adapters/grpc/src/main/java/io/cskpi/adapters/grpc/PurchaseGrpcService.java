package io.cskpi.adapters.grpc;

import io.cskpi.application.ListPurchases;
import io.cskpi.application.RecordPurchases;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Identifiers;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesResponse;
import io.cskpi.proto.v1.ListPurchasesRequest;
import io.cskpi.proto.v1.ListPurchasesResponse;
import io.cskpi.proto.v1.PurchaseServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.Optional;

/** cskpi.v1.PurchaseService. */
public final class PurchaseGrpcService extends PurchaseServiceGrpc.PurchaseServiceImplBase {

  private final Replay replay;
  private final RecordPurchases recordPurchases;
  private final ListPurchases listPurchases;

  public PurchaseGrpcService(RecordPurchases recordPurchases, ListPurchases listPurchases, Replay replay) {
    this.replay = replay;
    this.recordPurchases = recordPurchases;
    this.listPurchases = listPurchases;
  }

  @Override
  public void batchRecordPurchases(BatchRecordPurchasesRequest request,
      StreamObserver<BatchRecordPurchasesResponse> observer) {
    Rpc.unary(observer, "parent", () -> replay.once(request, BatchRecordPurchasesResponse.parser(),
        () -> record(request)));
  }

  /** The work of BatchRecordPurchases, also a streamed import\'s batch. */
  BatchRecordPurchasesResponse record(BatchRecordPurchasesRequest request) {
    TenantId tenant = ResourceNames.tenant("parent", request.getParent());
    RecordOutcome outcome = recordPurchases.record(tenant,
        Fields.mapAll("purchases", request.getPurchasesList(), PurchaseProtoMapper::fromProto));
    return BatchRecordPurchasesResponse.newBuilder()
        .setRecordedCount(outcome.recorded()).setAlreadyRecordedCount(outcome.alreadyRecorded()).build();
  }

  @Override
  public void listPurchases(ListPurchasesRequest request, StreamObserver<ListPurchasesResponse> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      Optional<String> customer = request.getCustomerId().isEmpty() ? Optional.empty()
          : Optional.of(Identifiers.recordId("customer_id", request.getCustomerId()));
      Page<Purchase> page = listPurchases.list(tenant, customer,
          PageRequest.of(request.getPageSize(), request.getPageToken()));
      return ListPurchasesResponse.newBuilder()
          .addAllPurchases(page.items().stream().map(p -> PurchaseProtoMapper.toProto(tenant, p)).toList())
          .setNextPageToken(page.nextToken())
          .build();
    });
  }
}
