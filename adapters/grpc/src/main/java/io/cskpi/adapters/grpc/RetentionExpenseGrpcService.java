package io.cskpi.adapters.grpc;

import io.cskpi.application.RecordRetentionExpenses;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Money;
import io.cskpi.domain.RetentionExpense;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.proto.v1.BatchRecordRetentionExpensesRequest;
import io.cskpi.proto.v1.BatchRecordRetentionExpensesResponse;
import io.cskpi.proto.v1.RetentionExpenseServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;

/** cskpi.v1.RetentionExpenseService. */
public final class RetentionExpenseGrpcService extends RetentionExpenseServiceGrpc.RetentionExpenseServiceImplBase {

  private final Replay replay;
  private final RecordRetentionExpenses recordRetentionExpenses;

  public RetentionExpenseGrpcService(RecordRetentionExpenses recordRetentionExpenses, Replay replay) {
    this.replay = replay;
    this.recordRetentionExpenses = recordRetentionExpenses;
  }

  @Override
  public void batchRecordRetentionExpenses(BatchRecordRetentionExpensesRequest request,
      StreamObserver<BatchRecordRetentionExpensesResponse> observer) {
    Rpc.unary(observer, "parent", () -> replay.once(request, BatchRecordRetentionExpensesResponse.parser(),
        () -> record(request)));
  }

  /** The work of BatchRecordRetentionExpenses, also a streamed import\'s batch. */
  BatchRecordRetentionExpensesResponse record(BatchRecordRetentionExpensesRequest request) {
    TenantId tenant = ResourceNames.tenant("parent", request.getParent());
    RecordOutcome outcome = recordRetentionExpenses.record(tenant,
        Fields.mapAll("expenses", request.getExpensesList(), RetentionExpenseGrpcService::fromProto));
    return BatchRecordRetentionExpensesResponse.newBuilder()
        .setRecordedCount(outcome.recorded()).setAlreadyRecordedCount(outcome.alreadyRecorded()).build();
  }

  private static RetentionExpense fromProto(io.cskpi.proto.v1.RetentionExpense expense) {
    if (!expense.hasAmount()) {
      throw CskpiException.invalid("amount", "is required");
    }
    Money amount = Fields.under("amount",
        () -> Money.parse(expense.getAmount().getAmount(), expense.getAmount().getCurrencyCode()));
    LocalDate start;
    LocalDate end;
    switch (expense.getTimingCase()) {
      case DATE -> {
        start = ProtoDates.fromProto("date", expense.getDate());
        end = start;
      }
      case SERVICE_PERIOD -> {
        start = ProtoDates.fromProto("service_period.start_date", expense.getServicePeriod().getStartDate());
        end = ProtoDates.fromProto("service_period.end_date", expense.getServicePeriod().getEndDate());
      }
      default -> throw CskpiException.invalid("service_period", "is required: set date or service_period");
    }
    return new RetentionExpense(expense.getExpenseId(), amount, expense.getCategory(), start, end);
  }
}
