package io.cskpi.adapters.grpc;

import io.cskpi.application.CreateSurvey;
import io.cskpi.application.GetSurvey;
import io.cskpi.application.ListSurveys;
import io.cskpi.application.RecordSurveyResponses;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Identifiers;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesResponse;
import io.cskpi.proto.v1.CreateSurveyRequest;
import io.cskpi.proto.v1.GetSurveyRequest;
import io.cskpi.proto.v1.ListSurveysRequest;
import io.cskpi.proto.v1.ListSurveysResponse;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyServiceGrpc;
import io.grpc.stub.StreamObserver;

/** cskpi.v1.SurveyService. */
public final class SurveyGrpcService extends SurveyServiceGrpc.SurveyServiceImplBase {

  private final Replay replay;
  private final CreateSurvey createSurvey;
  private final GetSurvey getSurvey;
  private final ListSurveys listSurveys;
  private final RecordSurveyResponses recordSurveyResponses;

  public SurveyGrpcService(CreateSurvey createSurvey, GetSurvey getSurvey, ListSurveys listSurveys,
      RecordSurveyResponses recordSurveyResponses, Replay replay) {
    this.replay = replay;
    this.createSurvey = createSurvey;
    this.getSurvey = getSurvey;
    this.listSurveys = listSurveys;
    this.recordSurveyResponses = recordSurveyResponses;
  }

  @Override
  public void createSurvey(CreateSurveyRequest request, StreamObserver<Survey> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      var survey = Fields.under("survey", () -> SurveyProtoMapper.fromProto(request.getSurvey()));
      return SurveyProtoMapper.toProto(tenant, createSurvey.create(tenant, survey));
    });
  }

  @Override
  public void getSurvey(GetSurveyRequest request, StreamObserver<Survey> observer) {
    Rpc.unary(observer, "name", () -> {
      String[] parts = request.getName().split("/", -1);
      if (parts.length != 4 || !parts[0].equals("tenants") || !parts[2].equals("surveys")) {
        throw CskpiException.invalid("name", "must be \"tenants/{tenant}/surveys/{survey}\"");
      }
      TenantId tenant = ResourceNames.tenant("name", "tenants/" + parts[1]);
      return SurveyProtoMapper.toProto(tenant, getSurvey.get(tenant, Identifiers.recordId("name", parts[3])));
    });
  }

  @Override
  public void listSurveys(ListSurveysRequest request, StreamObserver<ListSurveysResponse> observer) {
    Rpc.unary(observer, "parent", () -> {
      TenantId tenant = ResourceNames.tenant("parent", request.getParent());
      var page = listSurveys.list(tenant, PageRequest.of(request.getPageSize(), request.getPageToken()));
      return ListSurveysResponse.newBuilder()
          .addAllSurveys(page.items().stream().map(s -> SurveyProtoMapper.toProto(tenant, s)).toList())
          .setNextPageToken(page.nextToken()).build();
    });
  }

  @Override
  public void batchRecordSurveyResponses(BatchRecordSurveyResponsesRequest request,
      StreamObserver<BatchRecordSurveyResponsesResponse> observer) {
    Rpc.unary(observer, "parent", () -> replay.once(request, BatchRecordSurveyResponsesResponse.parser(),
        () -> record(request)));
  }

  /** The work of BatchRecordSurveyResponses, also a streamed import\'s batch. */
  BatchRecordSurveyResponsesResponse record(BatchRecordSurveyResponsesRequest request) {
    TenantId tenant = ResourceNames.tenant("parent", request.getParent());
    RecordOutcome outcome = recordSurveyResponses.record(tenant,
        Fields.mapAll("responses", request.getResponsesList(), SurveyProtoMapper::fromProto));
    return BatchRecordSurveyResponsesResponse.newBuilder()
        .setRecordedCount(outcome.recorded()).setAlreadyRecordedCount(outcome.alreadyRecorded()).build();
  }
}
