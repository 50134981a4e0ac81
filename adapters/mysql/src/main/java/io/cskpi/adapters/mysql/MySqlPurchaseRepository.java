package io.cskpi.adapters.mysql;

import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Instants;
import io.cskpi.domain.Money;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link PurchaseRepository} on MySQL. */
public final class MySqlPurchaseRepository implements PurchaseRepository {

  private static final String COLUMNS = "order_id, customer_id, purchased_at, amount, currency, refunded_order_id";

  private final Jdbc jdbc;

  public MySqlPurchaseRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Refuses the batch if a stored order id holds other values and inserts the new ones, each with
   * the time of its customer's previous purchase (see {@link PreviousPurchases}). A concurrent
   * insert of the same id fails on the key and the whole batch is tried once more, when the read
   * sees it.
   */
  @Override
  public RecordOutcome record(TenantId tenant, List<Purchase> purchases) {
    List<String> ids = purchases.stream().map(Purchase::orderId).toList();
    return jdbc.inTransaction(connection -> {
      Map<String, Purchase> stored = new HashMap<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM purchases WHERE tenant_id = ? AND order_id IN (" + Jdbc.placeholders(ids) + ")")) {
        select.setString(1, tenant.value());
        Jdbc.bindAll(select, 2, ids);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            Purchase purchase = purchase(rows);
            stored.put(purchase.orderId(), purchase);
          }
        }
      }
      RecordOutcome outcome = RecordOutcome.against(stored, purchases, Purchase::orderId, Purchase::sameAs,
          "purchases", "order_id", "ORDER_ID_CONFLICT");
      List<Purchase> added = purchases.stream().filter(p -> !stored.containsKey(p.orderId())).toList();
      Map<String, Instant> previous = PreviousPurchases.link(connection, tenant, added);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO purchases (tenant_id, " + COLUMNS + ", previous_purchased_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Purchase purchase : added) {
          insert.setString(1, tenant.value());
          insert.setString(2, purchase.orderId());
          insert.setString(3, purchase.customerId());
          Jdbc.bind(insert, 4, purchase.time());
          insert.setBigDecimal(5, purchase.amount().amount());
          insert.setString(6, purchase.amount().currencyCode());
          insert.setString(7, purchase.refundedOrderId());
          Jdbc.bind(insert, 8, previous.get(purchase.orderId()));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return outcome;
    });
  }

  @Override
  public Map<String, RefundableOrder> refundable(TenantId tenant, Collection<String> orderIds,
      Collection<String> excludedRefunds) {
    Sql sql = new Sql().add("SELECT o." + COLUMNS.replace(", ", ", o.") + ", COALESCE(SUM(r.amount), 0) AS refunded"
        + " FROM purchases o LEFT JOIN purchases r ON r.tenant_id = o.tenant_id AND r.refunded_order_id = o.order_id"
        + " AND r.order_id NOT").in(excludedRefunds).add(" WHERE o.tenant_id = ? AND o.order_id", tenant.value())
        .in(orderIds).add(" GROUP BY o.tenant_id, o.order_id");
    return jdbc.read(connection -> {
      Map<String, RefundableOrder> found = new HashMap<>();
      try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Purchase order = purchase(rows);
          found.put(order.orderId(), new RefundableOrder(order, rows.getBigDecimal("refunded")));
        }
      }
      return found;
    });
  }

  @Override
  public Page<Purchase> list(TenantId tenant, Optional<String> customerId, PageRequest page) {
    Instant afterTime = Instants.EARLIEST.minusSeconds(1);
    String afterOrder = "";
    if (!page.token().isEmpty()) {
      List<String> parts = PageTokens.decode(page.token(), "purchases", 2);
      try {
        afterTime = Instants.check("page_token", Instant.parse(parts.get(0)));
      } catch (DateTimeParseException | CskpiException e) {
        throw CskpiException.invalid("page_token", "is not a token this list returned");
      }
      afterOrder = parts.get(1);
    }
    Instant time = afterTime;
    String order = afterOrder;
    List<Purchase> items = jdbc.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM purchases WHERE tenant_id = ? AND (purchased_at > ? OR (purchased_at = ? AND order_id > ?))"
          + (customerId.isPresent() ? " AND customer_id = ?" : "")
          + " ORDER BY purchased_at, order_id LIMIT ?")) {
        int index = 1;
        select.setString(index++, tenant.value());
        Jdbc.bind(select, index++, time);
        Jdbc.bind(select, index++, time);
        select.setString(index++, order);
        if (customerId.isPresent()) {
          select.setString(index++, customerId.get());
        }
        select.setInt(index, page.size() + 1);
        List<Purchase> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(purchase(rows));
          }
        }
        return found;
      }
    });
    if (items.size() <= page.size()) {
      return new Page<>(items, "");
    }
    items = items.subList(0, page.size());
    Purchase last = items.get(items.size() - 1);
    return new Page<>(items, PageTokens.encode("purchases", last.time().toString(), last.orderId()));
  }

  private static Purchase purchase(ResultSet rows) throws SQLException {
    return new Purchase(rows.getString("order_id"), rows.getString("customer_id"),
        Jdbc.instant(rows, "purchased_at"), new Money(rows.getBigDecimal("amount"), rows.getString("currency")),
        rows.getString("refunded_order_id"));
  }
}
