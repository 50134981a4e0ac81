package io.cskpi.application.fakes;

import io.cskpi.application.port.ExpenseRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.RetentionExpense;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
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
    List<FieldViolation> conflicts = new ArrayList<>();
    int already = 0;
    for (int i = 0; i < expenses.size(); i++) {
      RetentionExpense stored = data.expenses(tenant).get(expenses.get(i).expenseId());
      if (stored != null && !stored.sameAs(expenses.get(i))) {
        conflicts.add(new FieldViolation("expenses[" + i + "].expense_id", "is recorded with other values"));
      }
      already += stored != null ? 1 : 0;
    }
    if (!conflicts.isEmpty()) {
      throw new CskpiException(CskpiException.Kind.ALREADY_EXISTS, "EXPENSE_ID_CONFLICT",
          "expense ids recorded with other values", conflicts);
    }
    expenses.forEach(e -> data.expenses(tenant).putIfAbsent(e.expenseId(), e));
    return new RecordOutcome(expenses.size() - already, already);
  }
}
