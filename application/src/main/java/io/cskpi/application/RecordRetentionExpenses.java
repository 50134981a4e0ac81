package io.cskpi.application;

import io.cskpi.application.port.ExpenseRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.RetentionExpense;
import io.cskpi.domain.TenantId;
import java.util.List;

/** Records a batch of retention expenses: all or nothing, idempotent by expense id. */
public final class RecordRetentionExpenses {

  private final ExpenseRepository expenses;
  private final TenantLookup lookup;

  public RecordRetentionExpenses(ExpenseRepository expenses, TenantLookup lookup) {
    this.expenses = expenses;
    this.lookup = lookup;
  }

  public RecordOutcome record(TenantId tenant, List<RetentionExpense> batch) {
    Batches.check("expenses", batch, RetentionExpense::expenseId, "expense_id");
    lookup.require(tenant);
    return expenses.record(tenant, batch);
  }
}
