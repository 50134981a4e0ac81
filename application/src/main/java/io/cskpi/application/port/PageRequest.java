package io.cskpi.application.port;

import io.cskpi.domain.errors.CskpiException;

/** A page of a list: its size and the opaque token of the previous page ("" for the first). */
public record PageRequest(int size, String token) {

  public static final int DEFAULT_SIZE = 100;
  public static final int MAX_SIZE = 1000;

  /** page_size 0 means the default; negative or over the maximum is refused. */
  public static PageRequest of(int pageSize, String pageToken) {
    if (pageSize < 0 || pageSize > MAX_SIZE) {
      throw CskpiException.invalid("page_size", "must be 0 to " + MAX_SIZE + ", was " + pageSize);
    }
    return new PageRequest(pageSize == 0 ? DEFAULT_SIZE : pageSize, pageToken == null ? "" : pageToken);
  }
}
