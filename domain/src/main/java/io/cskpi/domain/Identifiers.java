package io.cskpi.domain;

import io.cskpi.domain.errors.CskpiException;
import java.util.regex.Pattern;

/** The rules for client-given ids: tenant ids, customer ids and order ids. */
public final class Identifiers {

  public static final int MAX_RECORD_ID_LENGTH = 128;
  private static final Pattern TENANT_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Identifiers() {}

  /** 1-63 characters: lower-case letters, digits and hyphens, starting with a letter. */
  public static String tenantId(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw CskpiException.invalid(field, "is required");
    }
    if (!TENANT_ID.matcher(value).matches()) {
      throw CskpiException.invalid(field,
          "must be 1-63 lower-case letters, digits or hyphens, starting with a letter");
    }
    return value;
  }

  /**
   * Refuses text with white space at either end: the store compares text ignoring trailing spaces
   * (MySQL's PAD SPACE collations), so "gold " would match "gold".
   */
  public static void requireNoSpaceAtTheEnds(String field, String value) {
    if (!value.isEmpty() && (Character.isWhitespace(value.codePointAt(0))
        || Character.isWhitespace(value.codePointBefore(value.length())))) {
      throw CskpiException.invalid(field, "must not start or end with white space");
    }
  }

  /**
   * 1-128 characters (code points), no control characters, no invisible format characters (a
   * zero-width space or a right-to-left override would make two ids look alike), no "/", no white
   * space at either end (the store compares text ignoring trailing spaces, so "a " would be "a").
   */
  public static String recordId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw CskpiException.invalid(field, "is required");
    }
    if (value.codePointCount(0, value.length()) > MAX_RECORD_ID_LENGTH) {
      throw CskpiException.invalid(field, "is longer than " + MAX_RECORD_ID_LENGTH + " characters");
    }
    requireNoSpaceAtTheEnds(field, value);
    if (value.indexOf('/') >= 0) {
      throw CskpiException.invalid(field, "must not contain \"/\"");
    }
    if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
        || Character.getType(c) == Character.SURROGATE || c == 0xFFFD)) {
      throw CskpiException.invalid(field, "must not contain control, invisible format or invalid characters");
    }
    return value;
  }

  /**
   * An AIP-155 request id: a UUID in its 36-character form, any case, not the nil UUID; returned
   * in lower case, so that a retry spelled in the other case is the same request.
   */
  public static String requestId(String field, String value) {
    if (!UUID.matcher(value).matches() || value.matches("[0-]*")) {
      throw CskpiException.invalid(field, "must be a UUID such as \"123e4567-e89b-42d3-a456-426614174000\"");
    }
    return value.toLowerCase(java.util.Locale.ROOT);
  }
}
