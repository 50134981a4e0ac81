package io.cskpi.adapters.mysql;

import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.kpi.feedback.CommentAnalysis;
import io.cskpi.domain.kpi.feedback.ScoreGroup;
import io.cskpi.domain.kpi.feedback.Theme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Analysed comments in rows: the comment with its analysis, and one row per theme. */
final class CommentRows {

  static final String COLUMNS = "source, source_id, customer_id, commented_at, text, language_code, channel,"
      + " survey_id, score, scale_min, scale_max, score_group, language, language_detected, sentiment,"
      + " sentiment_label";

  private CommentRows() {}

  static int source(Comment.Source source) {
    return source.ordinal() + 1;
  }

  static Integer group(ScoreGroup group) {
    return switch (group) {
      case NEGATIVE -> Integer.valueOf(1);
      case POSITIVE -> Integer.valueOf(2);
      case NONE -> null;
    };
  }

  /** Inserts the comments and their themes (in the caller's transaction). */
  static void insert(Connection connection, TenantId tenant, List<Comment> comments) throws SQLException {
    if (comments.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO comments (tenant_id, " + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement themes = connection.prepareStatement("INSERT INTO comment_themes (tenant_id, source,"
            + " source_id, theme_key, theme_text, commented_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Comment c : comments) {
        CommentAnalysis a = c.analysis();
        new Sql().add("", tenant.value(), source(c.source()), c.sourceId(), c.customerId(), c.time(), c.text(),
            c.languageCode(), c.channel(), c.surveyId(), c.score(), c.scaleMin(), c.scaleMax(), group(c.group()),
            a.language(), a.languageDetected() ? 1 : 0, a.sentimentScore(), a.sentiment().ordinal() + 1).bind(insert);
        insert.addBatch();
        for (Theme theme : a.themes()) {
          new Sql().add("", tenant.value(), source(c.source()), c.sourceId(), theme.key(), theme.text(), c.time())
              .bind(themes);
          themes.addBatch();
        }
      }
      insert.executeBatch();
      themes.executeBatch();
    }
  }

  /** The comments a query selects (its columns: {@link #COLUMNS}), with their themes. */
  static List<Comment> read(Connection connection, TenantId tenant, Sql query) throws SQLException {
    List<String[]> keys = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement select = query.prepare(connection); ResultSet r = select.executeQuery()) {
      while (r.next()) {
        keys.add(new String[] {String.valueOf(r.getInt("source")), r.getString("source_id")});
        rows.add(new Object[] {Comment.Source.values()[r.getInt("source") - 1], r.getString("source_id"),
            r.getString("customer_id"), Jdbc.instant(r, "commented_at"), r.getString("text"),
            r.getString("language_code"), r.getString("survey_id"), r.getObject("score", Integer.class),
            r.getObject("scale_min", Integer.class), r.getObject("scale_max", Integer.class),
            r.getObject("score_group", Integer.class), r.getString("channel"), r.getString("language"),
            r.getBoolean("language_detected"), r.getDouble("sentiment")});
      }
    }
    Map<String, List<Theme>> themes = themes(connection, tenant, keys);
    List<Comment> comments = new ArrayList<>();
    for (Object[] row : rows) {
      Integer group = (Integer) row[10];
      Comment.Source source = (Comment.Source) row[0];
      comments.add(new Comment(source, (String) row[1], (String) row[2], (java.time.Instant) row[3], (String) row[4],
          (String) row[5], (String) row[6], (Integer) row[7], (Integer) row[8], (Integer) row[9],
          group == null ? ScoreGroup.NONE : group == 1 ? ScoreGroup.NEGATIVE : ScoreGroup.POSITIVE, (String) row[11],
          new CommentAnalysis((String) row[12], (Boolean) row[13], (Double) row[14],
              themes.getOrDefault(source(source) + "/" + row[1], List.of()))));
    }
    return comments;
  }

  private static Map<String, List<Theme>> themes(Connection connection, TenantId tenant, List<String[]> keys)
      throws SQLException {
    Map<String, List<Theme>> found = new java.util.HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    Sql sql = new Sql().add("SELECT source, source_id, theme_key, theme_text FROM comment_themes WHERE tenant_id = ?"
        + " AND (", tenant.value());
    for (int i = 0; i < keys.size(); i++) {
      sql.add(i == 0 ? "(source = ? AND source_id = ?)" : " OR (source = ? AND source_id = ?)",
          Integer.valueOf(keys.get(i)[0]), keys.get(i)[1]);
    }
    sql.add(") ORDER BY source, source_id, theme_key");
    try (PreparedStatement select = sql.prepare(connection); ResultSet r = select.executeQuery()) {
      while (r.next()) {
        found.computeIfAbsent(r.getInt(1) + "/" + r.getString(2), k -> new ArrayList<>())
            .add(new Theme(r.getString(3), r.getString(4)));
      }
    }
    return found;
  }
}
