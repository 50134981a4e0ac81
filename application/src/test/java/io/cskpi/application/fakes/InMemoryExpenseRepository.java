package io.cskpi.application.fakes;

import io.cskpi.application.port.ExpenseRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.RetentionExpense;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.util.ArrayList;
import java.util.List;

/** {@link ExpenseRepository} in memory. */
public final class InMemoryExpenseRepository implements ExpenseRepository {

  private final InMemoryData data;

  public InMemoryExpenseRepository(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized RecordOutcome record(TenantId tenant, List<RetentionExpense> expenses) {
    RecordOutcome outcome = RecordOutcome.against(data.expenses(tenant), expenses, RetentionExpense::expenseId, RetentionExpense::sameAs,
        "expenses", "expense_id", "EXPENSE_ID_CONFLICT");
    expenses.forEach(e -> data.expenses(tenant).putIfAbsent(e.expenseId(), e));
    return outcome;
  }
}
