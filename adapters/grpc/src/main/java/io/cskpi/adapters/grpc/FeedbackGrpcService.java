package io.cskpi.adapters.grpc;

import io.cskpi.application.ListComments;
import io.cskpi.application.UseCases.FeedbackUseCases;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.TenantId;
import io.cskpi.proto.v1.BatchRecordFeedbackRequest;
import io.cskpi.proto.v1.BatchRecordFeedbackResponse;
import io.cskpi.proto.v1.ComputeFeedbackSummaryRequest;
import io.cskpi.proto.v1.ComputeFeedbackSummaryResponse;
import io.cskpi.proto.v1.FeedbackServiceGrpc;
import io.cskpi.proto.v1.ListCommentsRequest;
import io.cskpi.proto.v1.ListCommentsResponse;
import io.cskpi.domain.Identifiers;
import io.grpc.stub.StreamObserver;
import java.util.Optional;

/** cskpi.v1.FeedbackService. */
public final class FeedbackGrpcService extends FeedbackServiceGrpc.FeedbackServiceImplBase {

  private final Replay replay;
  private final FeedbackUseCases useCases;

  public FeedbackGrpcService(FeedbackUseCases useCases, Replay replay) {
    this.replay = replay;
    this.useCases = useCases;
  }

  @Override
  public void batchRecordFeedback(BatchRecordFeedbackRequest request,
      StreamObserver<BatchRecordFeedbackResponse> observer) {
    Rpc.unary(observer, "parent", () -> replay.once(request, BatchRecordFeedbackResponse.parser(),
        () -> record(request)));
  }

  /** The work of BatchRecordFeedback, also a streamed import\'s batch. */
  BatchRecordFeedbackResponse record(BatchRecordFeedbackRequest request) {
    TenantId tenant = ResourceNames.tenant("parent", request.getParent());
    var outcome = useCases.recordFeedback().record(tenant,
        Fields.mapAll("feedback", request.getFeedbackList(), FeedbackProtoMapper::fromProto));
    return BatchRecordFeedbackResponse.newBuilder().setRecordedCount(outcome.recorded())
        .setAlreadyRecordedCount(outcome.alreadyRecorded()).build();
  }

  @Override
  public void computeFeedbackSummary(ComputeFeedbackSummaryRequest request,
      StreamObserver<ComputeFeedbackSummaryResponse> observer) {
    Rpc.unary(observer, "tenant", () -> {
      TenantId tenant = ResourceNames.tenant("tenant", request.getTenant());
      var result = useCases.computeFeedbackSummary().compute(tenant,
          KpiProtoMapper.period(request.hasPeriod(), request.getPeriod()), KpiProtoMapper.segment(request.getSegmentList()),
          request.getSurveyId().isEmpty() ? Optional.empty()
              : Optional.of(Identifiers.recordId("survey_id", request.getSurveyId())), request.getThemeCount());
      return FeedbackProtoMapper.toProto(result);
    });
  }

  @Override
  public void listComments(ListCommentsRequest request, StreamObserver<ListCommentsResponse> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      var query = new ListComments.Query(tenant,
          request.hasPeriod() ? Optional.of(KpiProtoMapper.period(true, request.getPeriod())) : Optional.empty(),
          optional(request.getTheme()), FeedbackProtoMapper.sentiment(request.getSentiment()),
          request.hasMinScore() ? Optional.of(request.getMinScore()) : Optional.empty(),
          request.hasMaxScore() ? Optional.of(request.getMaxScore()) : Optional.empty(),
          request.getCustomerId().isEmpty() ? Optional.empty()
              : Optional.of(Identifiers.recordId("customer_id", request.getCustomerId())), optional(request.getLanguage()), optional(request.getTextQuery()),
          KpiProtoMapper.segment(request.getSegmentList()));
      var page = useCases.listComments().list(query, PageRequest.of(request.getPageSize(), request.getPageToken()));
      return ListCommentsResponse.newBuilder()
          .addAllComments(page.items().stream().map(c -> FeedbackProtoMapper.toProto(tenant, c)).toList())
          .setNextPageToken(page.nextToken()).build();
    });
  }

  private static Optional<String> optional(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
