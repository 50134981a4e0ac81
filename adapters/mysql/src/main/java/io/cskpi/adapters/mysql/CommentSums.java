package io.cskpi.adapters.mysql;

import io.cskpi.application.port.FeedbackRepository.CommentFilter;
import io.cskpi.application.port.FeedbackRepository.Scope;
import io.cskpi.application.port.FeedbackRepository.Summary;
import io.cskpi.application.port.FeedbackRepository.ThemeStats;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.kpi.feedback.Sentiment;
import io.cskpi.domain.kpi.feedback.ThemeDrivers.ThemeCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The comment summary and list in SQL: sums and groups over the analyses stored at ingestion. */
final class CommentSums {

  private static final String THEMES_OF_COMMENTS = " FROM comment_themes t JOIN comments c ON c.tenant_id = t.tenant_id"
      + " AND c.source = t.source AND c.source_id = t.source_id";

  private CommentSums() {}

  /**
   * " WHERE" and the scope's conditions on the comments {@code c}, and on their themes {@code t}
   * too, whose own copy of the time lets the index on (tenant, time) narrow them first.
   */
  private static Sql whereThemes(Sql sql, Scope scope) {
    return where(sql.add(" WHERE t.tenant_id = ? AND t.commented_at >= ? AND t.commented_at < ?",
        scope.tenant().value(), scope.start(), scope.end()), scope, " AND");
  }

  /** " WHERE" and the scope's conditions on the comments {@code c}. */
  private static Sql where(Sql sql, Scope scope) {
    return where(sql, scope, " WHERE");
  }

  private static Sql where(Sql sql, Scope scope, String keyword) {
    sql.add(keyword + " c.tenant_id = ? AND c.commented_at >= ? AND c.commented_at < ?", scope.tenant().value(),
        scope.start(), scope.end());
    scope.surveyId().ifPresent(id -> sql.add(" AND c.source = 1 AND c.survey_id = ?", id));
    return sql.segment(scope.tenant(), scope.segment(), "c.customer_id");
  }

  static Summary summarize(Connection connection, Scope scope, int themeLimit) throws SQLException {
    Sql responses = new Sql().add("SELECT COUNT(*), COALESCE(SUM(comment_text IS NOT NULL), 0) FROM survey_responses"
        + " WHERE tenant_id = ? AND responded_at >= ? AND responded_at < ?", scope.tenant().value(), scope.start(),
        scope.end());
    scope.surveyId().ifPresent(id -> responses.add(" AND survey_id = ?", id));
    responses.segment(scope.tenant(), scope.segment(), "customer_id");
    long[] answered = longs(connection, responses, 2);
    long[] comments = longs(connection, where(new Sql().add("SELECT COUNT(*), COALESCE(SUM(c.sentiment_label = 1), 0),"
        + " COALESCE(SUM(c.sentiment_label = 2), 0), COALESCE(SUM(c.sentiment_label = 3), 0),"
        + " COALESCE(SUM(c.score_group = 1), 0), COALESCE(SUM(c.score_group = 2), 0) FROM comments c"), scope), 6);
    double sentimentSum = doubleOf(connection, where(new Sql().add("SELECT COALESCE(SUM(c.sentiment), 0)"
        + " FROM comments c"), scope));
    Map<Sentiment, Long> sentiments = new EnumMap<>(Sentiment.class);
    for (Sentiment s : Sentiment.values()) {
      if (comments[s.ordinal() + 1] > 0) {
        sentiments.put(s, comments[s.ordinal() + 1]);
      }
    }
    Map<String, Long> languages = new TreeMap<>();
    try (PreparedStatement select = where(new Sql().add("SELECT c.language, COUNT(*) FROM comments c"), scope)
        .add(" GROUP BY c.language").prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        languages.put(rows.getString(1), rows.getLong(2));
      }
    }
    List<Object[]> top = new ArrayList<>();
    try (PreparedStatement select = whereThemes(new Sql().add("SELECT t.theme_key, COUNT(*), SUM(c.sentiment),"
        + " SUM(c.sentiment_label = 1), SUM(c.sentiment_label = 3), COUNT(c.score), COALESCE(SUM(c.score), 0),"
        + " MIN(c.scale_min) = MAX(c.scale_min) AND MIN(c.scale_max) = MAX(c.scale_max)" + THEMES_OF_COMMENTS), scope)
        .add(" GROUP BY t.theme_key ORDER BY COUNT(*) DESC, t.theme_key LIMIT ?", themeLimit).prepare(connection);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        long scored = rows.getLong(6);
        int scales = scored == 0 ? 0 : rows.getBoolean(8) ? 1 : 2;
        top.add(new Object[] {rows.getString(1), rows.getLong(2), rows.getDouble(3), rows.getLong(4), rows.getLong(5),
            scored, rows.getDouble(7), scales});
      }
    }
    List<Object[]> drivers = new ArrayList<>();
    try (PreparedStatement select = whereThemes(new Sql().add("SELECT t.theme_key, COALESCE(SUM(c.score_group = 1), 0),"
        + " COALESCE(SUM(c.score_group = 2), 0), COUNT(*)" + THEMES_OF_COMMENTS), scope)
        .add(" GROUP BY t.theme_key HAVING SUM(c.score_group IS NOT NULL) >= 3 ORDER BY t.theme_key")
        .prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        drivers.add(new Object[] {rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)});
      }
    }
    Set<String> keys = new LinkedHashSet<>();
    top.forEach(row -> keys.add((String) row[0]));
    drivers.forEach(row -> keys.add((String) row[0]));
    Map<String, String> texts = texts(connection, scope, keys);
    List<ThemeStats> themes = top.stream().map(r -> new ThemeStats((String) r[0], texts.get(r[0]), (long) r[1],
        (double) r[2], (long) r[3], (long) r[4], (long) r[5], (double) r[6], (int) r[7])).toList();
    List<ThemeCounts> counts = drivers.stream().map(r -> new ThemeCounts((String) r[0], texts.get(r[0]), (long) r[1],
        (long) r[2], (long) r[3])).toList();
    long[] occurrences = longs(connection, whereThemes(new Sql().add("SELECT COALESCE(SUM(c.score_group = 1), 0),"
        + " COALESCE(SUM(c.score_group = 2), 0), COUNT(*)" + THEMES_OF_COMMENTS), scope), 3);
    return new Summary(answered[0], answered[1], comments[0], sentiments, sentimentSum, languages, themes,
        comments[4], comments[5], counts, occurrences[0], occurrences[1], occurrences[2]);
  }

  /** The words most comments used for each theme key (ties: the first in text order). */
  private static Map<String, String> texts(Connection connection, Scope scope, Set<String> keys) throws SQLException {
    Map<String, String> texts = new HashMap<>();
    if (keys.isEmpty()) {
      return texts;
    }
    Map<String, Long> best = new HashMap<>();
    try (PreparedStatement select = whereThemes(new Sql().add("SELECT t.theme_key, t.theme_text, COUNT(*)"
        + THEMES_OF_COMMENTS), scope).add(" AND t.theme_key").in(keys)
        .add(" GROUP BY t.theme_key, t.theme_text ORDER BY t.theme_key, COUNT(*) DESC, t.theme_text")
        .prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        if (best.putIfAbsent(rows.getString(1), rows.getLong(3)) == null) {
          texts.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return texts;
  }

  static Page<Comment> list(Connection connection, TenantId tenant, CommentFilter filter, PageRequest page)
      throws SQLException {
    Sql sql = new Sql().add("SELECT " + CommentRows.COLUMNS.replaceAll("(\\w+)", "c.$1")
        + " FROM comments c WHERE c.tenant_id = ?", tenant.value());
    filter.start().ifPresent(s -> sql.add(" AND c.commented_at >= ?", s));
    filter.end().ifPresent(e -> sql.add(" AND c.commented_at < ?", e));
    filter.themeKey().ifPresent(k -> sql.add(" AND EXISTS (SELECT 1 FROM comment_themes t WHERE t.tenant_id ="
        + " c.tenant_id AND t.source = c.source AND t.source_id = c.source_id AND t.theme_key = ?)", k));
    filter.sentiment().ifPresent(s -> sql.add(" AND c.sentiment_label = ?", s.ordinal() + 1));
    filter.minScore().ifPresent(m -> sql.add(" AND c.score >= ?", m));
    filter.maxScore().ifPresent(m -> sql.add(" AND c.score <= ?", m));
    filter.customerId().ifPresent(id -> sql.add(" AND c.customer_id = ?", id));
    filter.language().ifPresent(l -> sql.add(" AND c.language = ?", l));
    filter.textQuery().ifPresent(q -> sql.add(" AND c.text COLLATE utf8mb4_unicode_ci LIKE CONCAT('%', ?, '%')",
        q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")));
    sql.segment(tenant, filter.segment(), "c.customer_id");
    if (!page.token().isEmpty()) {
      List<String> after = PageTokens.decode(page.token(), "comments", 3);
      Instant time = PageTokens.instant(after.get(0));
      int source = PageTokens.integer(after.get(1));
      sql.add(" AND (c.commented_at < ? OR (c.commented_at = ? AND (c.source < ? OR (c.source = ?"
          + " AND c.source_id < ?))))", time, time, source, source, after.get(2));
    }
    sql.add(" ORDER BY c.commented_at DESC, c.source DESC, c.source_id DESC LIMIT ?", page.size() + 1);
    List<Comment> found = CommentRows.read(connection, tenant, sql);
    if (found.size() <= page.size()) {
      return new Page<>(found, "");
    }
    List<Comment> items = found.subList(0, page.size());
    Comment last = items.get(items.size() - 1);
    return new Page<>(items, PageTokens.encode("comments", last.time().toString(),
        String.valueOf(CommentRows.source(last.source())), last.sourceId()));
  }

  private static long[] longs(Connection connection, Sql sql, int count) throws SQLException {
    try (PreparedStatement select = sql.prepare(connection); ResultSet row = select.executeQuery()) {
      row.next();
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        values[i] = row.getLong(i + 1);
      }
      return values;
    }
  }

  private static double doubleOf(Connection connection, Sql sql) throws SQLException {
    try (PreparedStatement select = sql.prepare(connection); ResultSet row = select.executeQuery()) {
      row.next();
      return row.getDouble(1);
    }
  }
}
