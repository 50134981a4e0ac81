package io.cskpi.adapters.mysql;

import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** A statement built in pieces, each with its parameters, bound in order when prepared. */
final class Sql {

  private final StringBuilder text = new StringBuilder();
  private final List<Object> parameters = new ArrayList<>();

  /** Appends {@code fragment}, whose "?" take {@code values} in order. */
  Sql add(String fragment, Object... values) {
    text.append(fragment);
    Collections.addAll(parameters, values);
    return this;
  }

  /** Appends {@code other}'s text and parameters. */
  Sql add(Sql other) {
    text.append(other.text);
    parameters.addAll(other.parameters);
    return this;
  }

  /** Appends " IN (?, ...)" for {@code values}. */
  Sql in(Collection<?> values) {
    text.append(" IN (").append(Jdbc.placeholders(values)).append(')');
    parameters.addAll(values);
    return this;
  }

  /** " AND {column} IN (customers of the segment)", one sub-query per attribute filter. */
  Sql segment(TenantId tenant, Segment segment, String column) {
    for (Segment.AttributeFilter filter : segment.filters()) {
      add(" AND " + column + " IN (SELECT customer_id FROM customer_attributes WHERE tenant_id = ? AND attr_key = ?"
          + " AND attr_value", tenant.value(), filter.key()).in(filter.values()).add(")");
    }
    return this;
  }

  PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(text.toString());
    bind(statement);
    return statement;
  }

  /** Binds the parameters to {@code statement}, which was prepared from this text or one like it. */
  void bind(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.get(i);
      if (value == null) {
        statement.setObject(i + 1, null);
      } else if (value instanceof Instant instant) {
        Jdbc.bind(statement, i + 1, instant);
      } else if (value instanceof LocalDate date) {
        statement.setObject(i + 1, date);
      } else if (value instanceof BigDecimal decimal) {
        statement.setBigDecimal(i + 1, decimal);
      } else if (value instanceof Integer number) {
        statement.setInt(i + 1, number);
      } else if (value instanceof Long number) {
        statement.setLong(i + 1, number);
      } else if (value instanceof Double number) {
        statement.setDouble(i + 1, number);
      } else {
        statement.setString(i + 1, value.toString());
      }
    }
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
