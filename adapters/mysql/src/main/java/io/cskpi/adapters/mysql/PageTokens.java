package io.cskpi.adapters.mysql;

import io.cskpi.domain.errors.CskpiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page tokens: the sort key of the last item of a page, as base64url of its parts joined
 * by a NUL (which no id may contain). A token that does not decode is INVALID_ARGUMENT.
 */
final class PageTokens {

  private static final String SEPARATOR = "\u0000";

  private PageTokens() {}

  static String encode(String kind, String... parts) {
    String joined = kind + SEPARATOR + String.join(SEPARATOR, parts);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  /** The parts of a token of {@code kind} with {@code count} parts. */
  static List<String> decode(String token, String kind, int count) {
    try {
      String joined = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      List<String> parts = List.of(joined.split(SEPARATOR, -1));
      if (parts.size() == count + 1 && parts.get(0).equals(kind)) {
        return parts.subList(1, parts.size());
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw CskpiException.invalid("page_token", "is not a token this list returned");
  }

  /** An instant a token holds. */
  static java.time.Instant instant(String part) {
    try {
      return java.time.Instant.parse(part);
    } catch (java.time.format.DateTimeParseException e) {
      throw CskpiException.invalid("page_token", "is not a token this list returned");
    }
  }

  /** An integer a token holds. */
  static int integer(String part) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      throw CskpiException.invalid("page_token", "is not a token this list returned");
    }
  }
}
