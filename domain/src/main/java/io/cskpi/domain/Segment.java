package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A filter on customer attributes: every filter must hold (AND), and a filter holds when the
 * customer's attribute equals one of its values (set membership). No filter: every customer.
 */
public record Segment(List<AttributeFilter> filters) {

  public static final int MAX_FILTERS = 16;
  public static final int MAX_VALUES = 100;
  /** The longest attribute value a customer may have, so the longest a filter may ask for. */
  public static final int MAX_VALUE_LENGTH = 256;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** One attribute and the values it may take. */
  public record AttributeFilter(String key, Set<String> values) {
    public AttributeFilter {
      if (key == null || !KEY.matcher(key).matches()) {
        throw CskpiException.invalid("key", "must be 1-64 letters, digits, \"_\", \"-\" or \".\"");
      }
      if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
        throw CskpiException.invalid("values", "must hold 1 to " + MAX_VALUES + " values");
      }
      if (values.stream().anyMatch(v -> v == null || v.codePointCount(0, v.length()) > MAX_VALUE_LENGTH)) {
        throw CskpiException.invalid("values", "must be at most " + MAX_VALUE_LENGTH
            + " characters each, as attribute values are");
      }
      values.forEach(v -> Identifiers.requireNoSpaceAtTheEnds("values", v));
      values = Set.copyOf(new TreeSet<>(values));
    }
  }

  public Segment {
    if (filters.size() > MAX_FILTERS) {
      throw CskpiException.invalid("segment", "has more than " + MAX_FILTERS + " filters");
    }
    filters = List.copyOf(filters);
  }

  public static Segment everyone() {
    return new Segment(List.of());
  }

  public boolean isEveryone() {
    return filters.isEmpty();
  }

  /** Whether a customer with these attributes is in the segment. */
  public boolean contains(Map<String, String> attributes) {
    return filters.stream().allMatch(f -> {
      String value = attributes.get(f.key());
      return value != null && f.values().contains(value);
    });
  }
}
