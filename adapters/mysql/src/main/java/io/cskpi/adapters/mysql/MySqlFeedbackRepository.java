package io.cskpi.adapters.mysql;

import io.cskpi.application.port.FeedbackRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Feedback;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@link FeedbackRepository} on MySQL: feedback as comments of source 2; sums in {@link CommentSums}. */
public final class MySqlFeedbackRepository implements FeedbackRepository {

  private static final int FEEDBACK = 2;

  private final Jdbc jdbc;

  public MySqlFeedbackRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public RecordOutcome recordFeedback(TenantId tenant, List<Feedback> feedback, Map<String, Comment> comments) {
    List<String> ids = feedback.stream().map(Feedback::feedbackId).toList();
    return jdbc.inTransaction(connection -> {
      Map<String, Feedback> stored = new HashMap<>();
      try (PreparedStatement select = new Sql().add("SELECT source_id, customer_id, commented_at, text, language_code,"
          + " channel FROM comments WHERE tenant_id = ? AND source = ? AND source_id", tenant.value(), FEEDBACK).in(ids)
          .prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Feedback f = new Feedback(rows.getString(1), rows.getString(2), Jdbc.instant(rows, "commented_at"),
              rows.getString(4), rows.getString(5), rows.getString(6));
          stored.put(f.feedbackId(), f);
        }
      }
      RecordOutcome outcome = RecordOutcome.against(stored, feedback, Feedback::feedbackId, Feedback::equals,
          "feedback", "feedback_id", "FEEDBACK_ID_CONFLICT");
      CommentRows.insert(connection, tenant, feedback.stream().filter(f -> !stored.containsKey(f.feedbackId()))
          .map(f -> comments.get(f.feedbackId())).toList());
      return outcome;
    });
  }

  @Override
  public Summary summarize(Scope scope, int themeLimit) {
    return jdbc.read(connection -> CommentSums.summarize(connection, scope, themeLimit));
  }

  @Override
  public Page<Comment> list(TenantId tenant, CommentFilter filter, PageRequest page) {
    return jdbc.read(connection -> CommentSums.list(connection, tenant, filter, page));
  }
}
