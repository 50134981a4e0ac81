package io.cskpi.adapters.mysql;

import io.cskpi.application.port.ExpenseRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Money;
import io.cskpi.domain.RetentionExpense;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@link ExpenseRepository} on MySQL. */
public final class MySqlExpenseRepository implements ExpenseRepository {

  private static final String COLUMNS = "expense_id, amount, currency, category, start_date, end_date";

  private final Jdbc jdbc;

  public MySqlExpenseRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Locks the batch's stored ids, refuses conflicting ones, inserts the new ones (see purchases). */
  @Override
  public RecordOutcome record(TenantId tenant, List<RetentionExpense> expenses) {
    List<String> ids = expenses.stream().map(RetentionExpense::expenseId).toList();
    return jdbc.inTransaction(connection -> {
      Map<String, RetentionExpense> stored = new HashMap<>();
      try (PreparedStatement select = new Sql().add("SELECT " + COLUMNS
              + " FROM retention_expenses WHERE tenant_id = ? AND expense_id", tenant.value()).in(ids)
          .prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          RetentionExpense expense = new RetentionExpense(rows.getString("expense_id"),
              new Money(rows.getBigDecimal("amount"), rows.getString("currency")), rows.getString("category"),
              rows.getObject("start_date", LocalDate.class), rows.getObject("end_date", LocalDate.class));
          stored.put(expense.expenseId(), expense);
        }
      }
      RecordOutcome outcome = RecordOutcome.against(stored, expenses, RetentionExpense::expenseId, RetentionExpense::sameAs,
          "expenses", "expense_id", "EXPENSE_ID_CONFLICT");
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO retention_expenses (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (RetentionExpense expense : expenses) {
          if (!stored.containsKey(expense.expenseId())) {
            insert.setString(1, tenant.value());
            insert.setString(2, expense.expenseId());
            insert.setBigDecimal(3, expense.amount().amount());
            insert.setString(4, expense.amount().currencyCode());
            insert.setString(5, expense.category());
            insert.setObject(6, expense.serviceStart());
            insert.setObject(7, expense.serviceEnd());
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      return outcome;
    });
  }
}
