package io.cskpi.application.port;

import io.cskpi.domain.RetentionExpense;
import io.cskpi.domain.TenantId;
import java.util.List;

/** Retention expenses, identified in their tenant by expense id. */
public interface ExpenseRepository {

  /**
   * Stores the expenses whose ids are new, all in one transaction. Identical expenses already
   * stored count as already recorded; a different one under a stored id is ALREADY_EXISTS
   * (reason EXPENSE_ID_CONFLICT) and nothing is stored.
   */
  RecordOutcome record(TenantId tenant, List<RetentionExpense> expenses);
}
