package io.cskpi.adapters.mysql;

import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps purchases.previous_purchased_at: each purchase (not refund) holds the time of its
 * customer's purchase before it, in (time, order id) order, so that the inactivity rule finds
 * reactivations in one aggregate pass. A batch locks its buyers' customer rows first, so two
 * batches for one customer never link their purchases without seeing each other's.
 */
final class PreviousPurchases {

  private record Row(String orderId, String customerId, Instant time, Instant previous, boolean stored) {}

  private static final Comparator<Row> ORDER =
      Comparator.comparing(Row::customerId).thenComparing(Row::time).thenComparing(Row::orderId);

  private PreviousPurchases() {}

  /**
   * Locks the customers of the added purchases, reads their stored purchases, re-links the stored ones whose previous
   * purchase changes with {@code added}, and answers the previous time of each added purchase.
   */
  static Map<String, Instant> link(Connection connection, TenantId tenant, List<Purchase> added)
      throws SQLException {
    Map<String, Instant> previousOfAdded = new HashMap<>();
    List<Purchase> addedPurchases = added.stream().filter(p -> p.refundedOrderId() == null).toList();
    if (addedPurchases.isEmpty()) {
      return previousOfAdded;
    }
    List<String> buyers = addedPurchases.stream().map(Purchase::customerId).distinct().toList();
    Sql lock = new Sql().add("SELECT customer_id FROM customers WHERE tenant_id = ? AND customer_id", tenant.value())
        .in(buyers).add(" ORDER BY customer_id FOR UPDATE");
    try (PreparedStatement select = lock.prepare(connection)) {
      select.executeQuery().close();
    }
    // the usual case appends: every added purchase comes after the customer's latest stored one,
    // which is then all there is to read; otherwise the customer's stored purchases are read whole
    Map<String, Instant> latest = latestStored(connection, tenant, buyers);
    Map<String, Instant> earliestAdded = new HashMap<>();
    addedPurchases.forEach(p -> earliestAdded.merge(p.customerId(), p.time(), (x, y) -> x.isBefore(y) ? x : y));
    List<String> backfilled = buyers.stream()
        .filter(c -> latest.containsKey(c) && !earliestAdded.get(c).isAfter(latest.get(c))).toList();
    Set<String> readWhole = Set.copyOf(backfilled);
    List<Row> rows = new ArrayList<>();
    latest.forEach((customer, time) -> {
      if (!readWhole.contains(customer)) {
        rows.add(new Row("", customer, time, null, false));
      }
    });
    if (!backfilled.isEmpty()) {
      rows.addAll(stored(connection, tenant, backfilled));
    }
    addedPurchases.forEach(p -> rows.add(new Row(p.orderId(), p.customerId(), p.time(), null, false)));
    rows.sort(ORDER);
    List<Row> relinked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Row before = i > 0 && rows.get(i - 1).customerId().equals(row.customerId()) ? rows.get(i - 1) : null;
      Instant previous = before == null ? null : before.time();
      if (row.orderId().isEmpty()) {
        continue; // a customer's latest stored purchase, read only to link the first added one
      } else if (!row.stored()) {
        previousOfAdded.put(row.orderId(), previous);
      } else if (!Objects.equals(previous, row.previous())) {
        relinked.add(new Row(row.orderId(), row.customerId(), row.time(), previous, true));
      }
    }
    if (!relinked.isEmpty()) {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE purchases SET previous_purchased_at = ? WHERE tenant_id = ? AND order_id = ?")) {
        for (Row row : relinked) {
          Jdbc.bind(update, 1, row.previous());
          update.setString(2, tenant.value());
          update.setString(3, row.orderId());
          update.addBatch();
        }
        update.executeBatch();
      }
    }
    return previousOfAdded;
  }

  private static Map<String, Instant> latestStored(Connection connection, TenantId tenant, List<String> customers)
      throws SQLException {
    Map<String, Instant> latest = new HashMap<>();
    Sql sql = new Sql().add("SELECT customer_id, MAX(purchased_at) AS latest FROM purchases WHERE tenant_id = ?"
        + " AND refunded_order_id IS NULL AND customer_id", tenant.value()).in(customers).add(" GROUP BY customer_id");
    try (PreparedStatement select = sql.prepare(connection); ResultSet found = select.executeQuery()) {
      while (found.next()) {
        latest.put(found.getString(1), Jdbc.instant(found, "latest"));
      }
    }
    return latest;
  }

  private static List<Row> stored(Connection connection, TenantId tenant, List<String> customers) throws SQLException {
    List<Row> rows = new ArrayList<>();
    Sql read = new Sql().add("SELECT order_id, customer_id, purchased_at, previous_purchased_at FROM purchases"
        + " WHERE tenant_id = ? AND refunded_order_id IS NULL AND customer_id", tenant.value()).in(customers);
    try (PreparedStatement select = read.prepare(connection); ResultSet found = select.executeQuery()) {
      while (found.next()) {
        rows.add(new Row(found.getString(1), found.getString(2), Jdbc.instant(found, "purchased_at"),
            Jdbc.instant(found, "previous_purchased_at"), true));
      }
    }
    return rows;
  }
}
