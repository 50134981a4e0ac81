package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A customer of a tenant: a client-given id, an optional acquisition time and segment attributes.
 * {@code updateTime} is set by the store.
 */
public record Customer(String customerId, Instant acquireTime, Map<String, String> attributes,
    Instant updateTime) {

  public static final int MAX_ATTRIBUTES = 32;
  public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 256;
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public Customer {
    Identifiers.recordId("customer_id", customerId);
    if (acquireTime != null) {
      acquireTime = Instants.check("acquire_time", acquireTime);
    }
    attributes = checkAttributes(attributes == null ? Map.of() : attributes);
  }

  private static Map<String, String> checkAttributes(Map<String, String> attributes) {
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw CskpiException.invalid("attributes", "has more than " + MAX_ATTRIBUTES + " entries");
    }
    for (Map.Entry<String, String> entry : attributes.entrySet()) {
      String field = "attributes[" + entry.getKey() + "]";
      if (!ATTRIBUTE_KEY.matcher(entry.getKey()).matches()) {
        throw CskpiException.invalid("attributes",
            "key \"" + entry.getKey() + "\" must be 1-64 letters, digits, \"_\", \"-\" or \".\"");
      }
      String value = entry.getValue();
      if (value.codePointCount(0, value.length()) > MAX_ATTRIBUTE_VALUE_LENGTH) {
        throw CskpiException.invalid(field, "is longer than " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
      }
      if (value.codePoints().anyMatch(Character::isISOControl)) {
        throw CskpiException.invalid(field, "must not contain control characters");
      }
      Identifiers.requireNoSpaceAtTheEnds(field, value);
    }
    return Map.copyOf(new TreeMap<>(attributes));
  }
}
