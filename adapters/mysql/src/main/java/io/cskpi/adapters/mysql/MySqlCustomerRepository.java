package io.cskpi.adapters.mysql;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.application.port.UpsertOutcome;
import io.cskpi.domain.Customer;
import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** {@link CustomerRepository} on MySQL. */
public final class MySqlCustomerRepository implements CustomerRepository {

  private final Jdbc jdbc;

  public MySqlCustomerRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public UpsertOutcome upsert(TenantId tenant, List<Customer> customers) {
    List<String> ids = customers.stream().map(Customer::customerId).toList();
    return jdbc.inTransaction(connection -> {
      int existing = existingIds(connection, tenant, ids).size();
      try (PreparedStatement upsert = connection.prepareStatement(
          "INSERT INTO customers (tenant_id, customer_id, acquired_at, update_time) VALUES (?, ?, ?, ?) "
              + "ON DUPLICATE KEY UPDATE acquired_at = VALUES(acquired_at), update_time = VALUES(update_time)");
           PreparedStatement clear = connection.prepareStatement(
               "DELETE FROM customer_attributes WHERE tenant_id = ? AND customer_id IN (" + Jdbc.placeholders(ids) + ")");
           PreparedStatement attribute = connection.prepareStatement(
               "INSERT INTO customer_attributes (tenant_id, customer_id, attr_key, attr_value) VALUES (?, ?, ?, ?)")) {
        for (Customer customer : customers) {
          upsert.setString(1, tenant.value());
          upsert.setString(2, customer.customerId());
          Jdbc.bind(upsert, 3, customer.acquireTime());
          Jdbc.bind(upsert, 4, customer.updateTime());
          upsert.addBatch();
          for (Map.Entry<String, String> entry : customer.attributes().entrySet()) {
            attribute.setString(1, tenant.value());
            attribute.setString(2, customer.customerId());
            attribute.setString(3, entry.getKey());
            attribute.setString(4, entry.getValue());
            attribute.addBatch();
          }
        }
        upsert.executeBatch();
        clear.setString(1, tenant.value());
        Jdbc.bindAll(clear, 2, ids);
        clear.executeUpdate();
        attribute.executeBatch();
      }
      return new UpsertOutcome(customers.size() - existing, existing);
    });
  }

  @Override
  public Map<String, Customer> findAll(TenantId tenant, Collection<String> customerIds) {
    if (customerIds.isEmpty()) {
      return Map.of();
    }
    List<String> ids = List.copyOf(customerIds);
    return jdbc.read(connection -> load(connection, tenant,
        "customer_id IN (" + Jdbc.placeholders(ids) + ") ORDER BY customer_id", ids, Integer.MAX_VALUE));
  }

  @Override
  public Set<String> knownAttributeKeys(TenantId tenant, Collection<String> keys) {
    Sql sql = new Sql().add("SELECT DISTINCT attr_key FROM customer_attributes WHERE tenant_id = ? AND attr_key",
        tenant.value()).in(keys);
    return jdbc.read(connection -> {
      Set<String> known = new HashSet<>();
      try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          known.add(rows.getString(1));
        }
      }
      return known;
    });
  }

  @Override
  public Page<Customer> list(TenantId tenant, PageRequest page) {
    String after = page.token().isEmpty() ? "" : PageTokens.decode(page.token(), "customers", 1).get(0);
    Map<String, Customer> found = jdbc.read(connection -> load(connection, tenant,
        "customer_id > ? ORDER BY customer_id", List.of(after), page.size() + 1));
    List<Customer> items = new ArrayList<>(found.values());
    if (items.size() <= page.size()) {
      return new Page<>(items, "");
    }
    items = items.subList(0, page.size());
    return new Page<>(items, PageTokens.encode("customers", items.get(items.size() - 1).customerId()));
  }

  /** Customers matching {@code condition} with their attributes, in the condition's order. */
  private static Map<String, Customer> load(Connection connection, TenantId tenant, String condition,
      List<String> arguments, int limit) throws SQLException {
    Map<String, Instant[]> times = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT customer_id, acquired_at, update_time FROM customers WHERE tenant_id = ? AND "
            + condition + " LIMIT " + limit)) {
      select.setString(1, tenant.value());
      Jdbc.bindAll(select, 2, arguments);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          times.put(rows.getString("customer_id"),
              new Instant[] {Jdbc.instant(rows, "acquired_at"), Jdbc.instant(rows, "update_time")});
        }
      }
    }
    Map<String, Map<String, String>> attributes = attributes(connection, tenant, times.keySet());
    Map<String, Customer> customers = new LinkedHashMap<>();
    times.forEach((id, t) -> customers.put(id,
        new Customer(id, t[0], attributes.getOrDefault(id, Map.of()), t[1])));
    return customers;
  }

  private static Map<String, Map<String, String>> attributes(Connection connection, TenantId tenant,
      Collection<String> ids) throws SQLException {
    Map<String, Map<String, String>> attributes = new HashMap<>();
    if (ids.isEmpty()) {
      return attributes;
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT customer_id, attr_key, attr_value FROM customer_attributes WHERE tenant_id = ? AND customer_id IN ("
            + Jdbc.placeholders(ids) + ")")) {
      select.setString(1, tenant.value());
      Jdbc.bindAll(select, 2, ids);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          attributes.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).put(rows.getString(2), rows.getString(3));
        }
      }
    }
    return attributes;
  }

  private static Set<String> existingIds(Connection connection, TenantId tenant, List<String> ids)
      throws SQLException {
    Set<String> existing = new HashSet<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT customer_id FROM customers WHERE tenant_id = ? AND customer_id IN (" + Jdbc.placeholders(ids)
            + ")")) {
      select.setString(1, tenant.value());
      Jdbc.bindAll(select, 2, ids);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          existing.add(rows.getString(1));
        }
      }
    }
    return existing;
  }

  @Override
  public Map<String, Instant> earliestEvents(TenantId tenant, Collection<String> customerIds) {
    Sql sql = new Sql().add("SELECT customer_id, MIN(event_at) AS earliest FROM lifecycle_events"
        + " WHERE tenant_id = ? AND customer_id", tenant.value()).in(customerIds).add(" GROUP BY customer_id");
    return jdbc.read(connection -> {
      Map<String, Instant> earliest = new HashMap<>();
      try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          earliest.put(rows.getString(1), Jdbc.instant(rows, "earliest"));
        }
      }
      return earliest;
    });
  }

  @Override
  public RecordOutcome recordEvents(TenantId tenant, List<LifecycleEvent> events) {
    List<String> ids = events.stream().map(LifecycleEvent::customerId).distinct().toList();
    return jdbc.inTransaction(connection -> {
      Set<String> stored = new HashSet<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT customer_id, kind, event_at FROM lifecycle_events WHERE tenant_id = ? AND customer_id IN ("
              + Jdbc.placeholders(ids) + ")")) {
        select.setString(1, tenant.value());
        Jdbc.bindAll(select, 2, ids);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            stored.add(key(rows.getString(1), rows.getInt(2), Jdbc.instant(rows, "event_at")));
          }
        }
      }
      int recorded = 0;
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO lifecycle_events (tenant_id, customer_id, kind, event_at) VALUES (?, ?, ?, ?)")) {
        for (LifecycleEvent event : events) {
          int kind = EventKinds.code(event.type());
          if (stored.add(key(event.customerId(), kind, event.time()))) {
            insert.setString(1, tenant.value());
            insert.setString(2, event.customerId());
            insert.setInt(3, kind);
            Jdbc.bind(insert, 4, event.time());
            insert.addBatch();
            recorded++;
          }
        }
        insert.executeBatch();
      }
      return new RecordOutcome(recorded, events.size() - recorded);
    });
  }

  private static String key(String customerId, int kind, Instant time) {
    return customerId + "\u0000" + kind + "\u0000" + time;
  }
}
