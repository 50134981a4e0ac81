package io.cskpi.adapters.grpc;

import io.cskpi.application.RunImportBatch;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.proto.v1.BatchRecordFeedbackRequest;
import io.cskpi.proto.v1.BatchRecordLifecycleEventsRequest;
import io.cskpi.proto.v1.BatchRecordPurchasesRequest;
import io.cskpi.proto.v1.BatchRecordRetentionExpensesRequest;
import io.cskpi.proto.v1.BatchRecordSignalsRequest;
import io.cskpi.proto.v1.BatchRecordSurveyResponsesRequest;
import io.cskpi.proto.v1.BatchUpsertCustomersRequest;
import io.cskpi.proto.v1.ImportRecordsRequest;
import io.cskpi.proto.v1.ImportRecordsResponse;
import io.cskpi.proto.v1.ImportServiceGrpc;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * cskpi.v1.ImportService: each batch of a stream runs as the unary Batch method of its kind, once
 * per (import id, sequence), and is acknowledged after its commit; the first failure ends the stream.
 */
public final class ImportGrpcService extends ImportServiceGrpc.ImportServiceImplBase {

  private final RunImportBatch runImportBatch;
  private final CustomerGrpcService customers;
  private final PurchaseGrpcService purchases;
  private final SurveyGrpcService surveys;
  private final RetentionExpenseGrpcService expenses;
  private final FeedbackGrpcService feedback;
  private final HealthGrpcService health;
  private final RecordCounter counter;

  ImportGrpcService(RunImportBatch runImportBatch, CustomerGrpcService customers, PurchaseGrpcService purchases,
      SurveyGrpcService surveys, RetentionExpenseGrpcService expenses, FeedbackGrpcService feedback,
      HealthGrpcService health, RecordCounter counter) {
    this.runImportBatch = runImportBatch;
    this.counter = counter;
    this.customers = customers;
    this.purchases = purchases;
    this.surveys = surveys;
    this.expenses = expenses;
    this.feedback = feedback;
    this.health = health;
  }

  @Override
  public StreamObserver<ImportRecordsRequest> importRecords(StreamObserver<ImportRecordsResponse> acks) {
    // a client that goes away is no failure: what it saw acknowledged is committed
    ((ServerCallStreamObserver<ImportRecordsResponse>) acks).setOnCancelHandler(() -> { });
    return new StreamObserver<>() {
      private boolean failed;

      @Override
      public void onNext(ImportRecordsRequest batch) {
        if (failed) {
          return;
        }
        try {
          acks.onNext(Rpc.inCallScope(() -> acknowledge(batch)));
        } catch (CskpiException e) {
          failed = true;
          acks.onError(GrpcErrors.toStatus(Rpc.namingTenantField(e, "parent")));
        } catch (RuntimeException e) {
          failed = true;
          acks.onError(GrpcErrors.toStatus(e));
        }
      }

      @Override
      public void onError(Throwable t) {
        // the client cancelled or lost the stream; it resumes from its last acknowledgement
      }

      @Override
      public void onCompleted() {
        if (!failed) {
          acks.onCompleted();
        }
      }
    };
  }

  private ImportRecordsResponse acknowledge(ImportRecordsRequest batch) {
    TenantId tenant = ResourceNames.tenant("parent", batch.getParent());
    byte[] ack = runImportBatch.run(tenant, batch.getImportId(), batch.getSequence(), Replay.hash(batch), () -> {
      try {
        ImportRecordsResponse done = run(batch).setSequence(batch.getSequence()).build();
        counter.stored("ImportRecords", done.getRecordedCount());
        return done.toByteArray();
      } catch (CskpiException e) {
        throw e.under("batch[" + batch.getSequence() + "]");
      }
    });
    return Replay.parse(ImportRecordsResponse.parser(), ack);
  }

  /** The batch through the unary method of its kind. */
  private ImportRecordsResponse.Builder run(ImportRecordsRequest batch) {
    String parent = batch.getParent();
    return switch (batch.getRecordsCase()) {
      case CUSTOMERS -> {
        var done = customers.upsert(BatchUpsertCustomersRequest.newBuilder().setParent(parent)
            .addAllCustomers(batch.getCustomers().getCustomersList()).build());
        yield counts(done.getCreatedCount(), done.getUpdatedCount());
      }
      case LIFECYCLE_EVENTS -> {
        var done = customers.recordEvents(BatchRecordLifecycleEventsRequest.newBuilder().setParent(parent)
            .addAllEvents(batch.getLifecycleEvents().getEventsList()).build());
        yield counts(done.getRecordedCount(), done.getAlreadyRecordedCount());
      }
      case PURCHASES -> {
        var done = purchases.record(BatchRecordPurchasesRequest.newBuilder().setParent(parent)
            .addAllPurchases(batch.getPurchases().getPurchasesList()).build());
        yield counts(done.getRecordedCount(), done.getAlreadyRecordedCount());
      }
      case SURVEY_RESPONSES -> {
        var done = surveys.record(BatchRecordSurveyResponsesRequest.newBuilder().setParent(parent)
            .addAllResponses(batch.getSurveyResponses().getResponsesList()).build());
        yield counts(done.getRecordedCount(), done.getAlreadyRecordedCount());
      }
      case RETENTION_EXPENSES -> {
        var done = expenses.record(BatchRecordRetentionExpensesRequest.newBuilder().setParent(parent)
            .addAllExpenses(batch.getRetentionExpenses().getExpensesList()).build());
        yield counts(done.getRecordedCount(), done.getAlreadyRecordedCount());
      }
      case FEEDBACK -> {
        var done = feedback.record(BatchRecordFeedbackRequest.newBuilder().setParent(parent)
            .addAllFeedback(batch.getFeedback().getFeedbackList()).build());
        yield counts(done.getRecordedCount(), done.getAlreadyRecordedCount());
      }
      case SIGNALS -> {
        var done = health.record(BatchRecordSignalsRequest.newBuilder().setParent(parent)
            .addAllSignals(batch.getSignals().getSignalsList()).build());
        yield counts(done.getRecordedCount(), done.getAlreadyRecordedCount());
      }
      case RECORDS_NOT_SET -> throw CskpiException.invalid("records", "is required: customers, lifecycle_events, "
          + "purchases, survey_responses, retention_expenses, feedback or signals");
    };
  }

  private static ImportRecordsResponse.Builder counts(int recorded, int alreadyRecorded) {
    return ImportRecordsResponse.newBuilder().setRecordedCount(recorded).setAlreadyRecordedCount(alreadyRecorded);
  }
}
