package io.cskpi.application.fakes;

import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.errors.CskpiException;
import java.util.List;

/** Pages of a list the fakes have sorted: a token is "from:" and the index of the next item. */
final class OffsetPages {

  private OffsetPages() {}

  static <T> Page<T> page(List<T> sorted, PageRequest page) {
    int from = 0;
    if (!page.token().isEmpty()) {
      if (!page.token().matches("from:\\d{1,9}")) {
        throw CskpiException.invalid("page_token", "is not a token this list returned");
      }
      from = Integer.parseInt(page.token().substring("from:".length()));
    }
    int to = Math.min(sorted.size(), from + page.size());
    return new Page<>(sorted.subList(Math.min(from, to), to), to < sorted.size() ? "from:" + to : "");
  }
}
