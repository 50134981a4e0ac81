package io.cskpi.adapters.mysql;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.Money;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.CustomerHistory;
import io.cskpi.domain.kpi.predictive.CustomerPrediction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** {@link ClvModelRepository} on MySQL: the histories in SQL, a fit and its predictions in one transaction. */
public final class MySqlClvModelRepository implements ClvModelRepository {

  private static final String PREDICTION_COLUMNS = "customer_id, x, t_x, t_cal, mean_repeat_value, probability_alive,"
      + " expected_purchases, expected_value, clv";

  private final Jdbc jdbc;

  public MySqlClvModelRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Set<String> purchaseCurrencies(TenantId tenant, Instant end) {
    List<String> found = jdbc.read(connection -> ClvHistories.currencies(connection, tenant, end));
    return new TreeSet<>(found);
  }

  @Override
  public List<CustomerRecord> histories(TenantId tenant, Instant end, ZoneId zone, LocalDate lastDate,
      String currency, Segment segment) {
    return jdbc.read(connection -> ClvHistories.read(connection, tenant, end, zone, lastDate, currency, segment));
  }

  @Override
  public ClvModel create(TenantId tenant, ClvModel model, List<CustomerPrediction> predictions) {
    ClvModel stored = jdbc.inTransaction(connection -> {
      Optional<ClvModel> existing = ClvModelRows.find(connection, tenant, model.modelId());
      if (existing.isPresent()) {
        return existing.get();
      }
      ClvModelRows.insert(connection, tenant, model);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO clv_model_customers (tenant_id,"
          + " model_id, " + PREDICTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int pending = 0;
        for (CustomerPrediction p : predictions) {
          new Sql().add("", tenant.value(), model.modelId(), p.customerId(), p.history().x(), p.history().tx(),
              p.history().T(), p.meanRepeatValue().orElse(null), p.probabilityAlive(), p.expectedPurchases(),
              p.expectedPurchaseValue().isPresent() ? p.expectedPurchaseValue().getAsDouble() : null,
              p.value().map(Money::amount).orElse(null)).bind(insert);
          insert.addBatch();
          if (++pending == 1000) {
            insert.executeBatch();
            pending = 0;
          }
        }
        insert.executeBatch();
      }
      return model;
    });
    if (!stored.sameSettings(model)) {
      throw ClvModel.alreadyExists(model.modelId());
    }
    return stored;
  }

  @Override
  public Optional<ClvModel> find(TenantId tenant, String modelId) {
    return jdbc.read(connection -> ClvModelRows.find(connection, tenant, modelId));
  }

  @Override
  public Page<ClvModel> list(TenantId tenant, PageRequest page) {
    String after = page.token().isEmpty() ? "" : PageTokens.decode(page.token(), "clvModels", 1).get(0);
    List<ClvModel> items = jdbc.read(connection -> ClvModelRows.list(connection, tenant, after, page.size() + 1));
    if (items.size() <= page.size()) {
      return new Page<>(items, "");
    }
    items = items.subList(0, page.size());
    return new Page<>(items, PageTokens.encode("clvModels", items.get(items.size() - 1).modelId()));
  }

  @Override
  public Page<CustomerPrediction> predictions(TenantId tenant, String modelId, Order order, PageRequest page) {
    String column = order == Order.VALUE ? "clv" : "probability_alive";
    Sql sql = new Sql().add("SELECT " + PREDICTION_COLUMNS + ", currency FROM clv_model_customers c JOIN clv_models m"
        + " USING (tenant_id, model_id) WHERE tenant_id = ? AND model_id = ?", tenant.value(), modelId);
    if (!page.token().isEmpty()) {
      List<String> parts = PageTokens.decode(page.token(), "values-" + column, 2);
      Object key = order == Order.VALUE ? decimal(parts.get(0)) : number(parts.get(0));
      sql.add(" AND (" + column + " < ? OR (" + column + " = ? AND customer_id > ?))", key, key, parts.get(1));
    }
    sql.add(" ORDER BY " + column + " DESC, customer_id LIMIT ?", page.size() + 1);
    List<CustomerPrediction> items = jdbc.read(connection -> predictions(connection, sql));
    if (items.size() <= page.size()) {
      return new Page<>(items, "");
    }
    items = items.subList(0, page.size());
    CustomerPrediction last = items.get(items.size() - 1);
    String key = order == Order.VALUE ? last.value().orElseThrow().amount().toPlainString()
        : Double.toString(last.probabilityAlive());
    return new Page<>(items, PageTokens.encode("values-" + column, key, last.customerId()));
  }

  @Override
  public Optional<CustomerPrediction> prediction(TenantId tenant, String modelId, String customerId) {
    Sql sql = new Sql().add("SELECT " + PREDICTION_COLUMNS + ", currency FROM clv_model_customers c JOIN clv_models m"
        + " USING (tenant_id, model_id) WHERE tenant_id = ? AND model_id = ? AND customer_id = ?",
        tenant.value(), modelId, customerId);
    return jdbc.read(connection -> predictions(connection, sql)).stream().findFirst();
  }

  @Override
  public Totals totals(TenantId tenant, String modelId, Segment segment) {
    Sql sql = new Sql().add("SELECT COUNT(*), SUM(clv), COUNT(clv), COALESCE(SUM(expected_purchases), 0),"
        + " COALESCE(SUM(probability_alive), 0) FROM clv_model_customers WHERE tenant_id = ? AND model_id = ?",
        tenant.value(), modelId).segment(tenant, segment, "customer_id");
    return jdbc.read(connection -> {
      try (PreparedStatement select = sql.prepare(connection); ResultSet row = select.executeQuery()) {
        row.next();
        long customers = row.getLong(1);
        Optional<BigDecimal> total = customers > 0 && row.getLong(3) == customers
            ? Optional.of(row.getBigDecimal(2)) : Optional.empty();
        return new Totals(customers, total, row.getDouble(4), row.getDouble(5));
      }
    });
  }

  @Override
  public HoldoutActivity holdoutActivity(TenantId tenant, ClvModel model, ZoneId zone, LocalDate holdoutEnd) {
    Instant end = holdoutEnd.plusDays(1).atStartOfDay(zone).toInstant();
    return jdbc.read(connection -> ClvHistories.holdout(connection, tenant, model, zone, end));
  }

  private static List<CustomerPrediction> predictions(Connection connection, Sql sql) throws SQLException {
    List<CustomerPrediction> found = new ArrayList<>();
    try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        double expectedValue = rows.getDouble("expected_value");
        OptionalDouble perPurchase = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(expectedValue);
        BigDecimal clv = rows.getBigDecimal("clv");
        String currency = rows.getString("currency");
        found.add(new CustomerPrediction(rows.getString("customer_id"),
            new CustomerHistory(rows.getInt("x"), rows.getDouble("t_x"),
                rows.getDouble("t_cal"), Optional.ofNullable(rows.getBigDecimal("mean_repeat_value"))
                    .map(BigDecimal::doubleValue).orElse(0.0)),
            Optional.ofNullable(rows.getBigDecimal("mean_repeat_value")), rows.getDouble("probability_alive"),
            rows.getDouble("expected_purchases"), perPurchase,
            Optional.ofNullable(clv).map(amount -> Money.roundedToMinorUnit(amount, currency))));
      }
    }
    return found;
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw CskpiException.invalid("page_token", "is not a token this list returned");
    }
  }

  private static Double number(String text) {
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      throw CskpiException.invalid("page_token", "is not a token this list returned");
    }
  }
}
