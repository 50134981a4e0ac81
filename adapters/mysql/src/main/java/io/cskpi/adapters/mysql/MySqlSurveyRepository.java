package io.cskpi.adapters.mysql;

import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.application.port.SurveyRepository;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.CsatScale;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@link SurveyRepository} on MySQL. */
public final class MySqlSurveyRepository implements SurveyRepository {

  private static final String SURVEY_COLUMNS = "survey_id, kind, scale_min, scale_max, satisfied_from, display_name, "
      + "create_time";
  private static final String RESPONSE_COLUMNS = "response_id, survey_id, customer_id, responded_at, score, "
      + "comment_text, language_code";

  private final Jdbc jdbc;

  public MySqlSurveyRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Survey create(TenantId tenant, Survey survey) {
    Survey stored = jdbc.inTransaction(connection -> {
      Map<String, Survey> existing = load(connection, new Sql().add("SELECT " + SURVEY_COLUMNS
          + " FROM surveys WHERE tenant_id = ? AND survey_id = ?", tenant.value(), survey.surveyId()));
      if (!existing.isEmpty()) {
        return existing.get(survey.surveyId());
      }
      try (PreparedStatement insert = new Sql().add("INSERT INTO surveys (tenant_id, " + SURVEY_COLUMNS
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", tenant.value(), survey.surveyId(), survey.kind().ordinal() + 1,
          survey.scale().min(), survey.scale().max(), survey.scale().satisfiedFrom(), survey.displayName(),
          survey.createTime()).prepare(connection)) {
        insert.executeUpdate();
      }
      return survey;
    });
    if (!stored.sameDefinition(survey)) {
      throw new CskpiException(CskpiException.Kind.ALREADY_EXISTS, "SURVEY_ALREADY_EXISTS",
          "survey \"" + survey.surveyId() + "\" exists with another definition");
    }
    return stored;
  }

  @Override
  public Map<String, Survey> findAll(TenantId tenant, Collection<String> surveyIds) {
    if (surveyIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.read(connection -> load(connection, new Sql().add("SELECT " + SURVEY_COLUMNS
        + " FROM surveys WHERE tenant_id = ? AND survey_id", tenant.value()).in(surveyIds)));
  }

  @Override
  public Page<Survey> list(TenantId tenant, PageRequest page) {
    String after = page.token().isEmpty() ? "" : PageTokens.decode(page.token(), "surveys", 1).get(0);
    List<Survey> items = new ArrayList<>(jdbc.read(connection -> load(connection, new Sql().add("SELECT "
        + SURVEY_COLUMNS + " FROM surveys WHERE tenant_id = ? AND survey_id > ? ORDER BY survey_id LIMIT ?",
        tenant.value(), after, page.size() + 1))).values());
    if (items.size() <= page.size()) {
      return new Page<>(items, "");
    }
    items = items.subList(0, page.size());
    return new Page<>(items, PageTokens.encode("surveys", items.get(items.size() - 1).surveyId()));
  }

  private static Map<String, Survey> load(Connection connection, Sql sql) throws SQLException {
    Map<String, Survey> surveys = new LinkedHashMap<>();
    try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Survey survey = new Survey(rows.getString("survey_id"), Survey.Kind.values()[rows.getInt("kind") - 1],
            new CsatScale(rows.getInt("scale_min"), rows.getInt("scale_max"), rows.getInt("satisfied_from")),
            rows.getString("display_name"), Jdbc.instant(rows, "create_time"));
        surveys.put(survey.surveyId(), survey);
      }
    }
    return surveys;
  }

  /** Locks the batch's stored ids, refuses conflicting ones, inserts the new ones (see purchases). */
  @Override
  public RecordOutcome recordResponses(TenantId tenant, List<SurveyResponse> responses,
      Map<String, Comment> comments) {
    List<String> ids = responses.stream().map(SurveyResponse::responseId).toList();
    return jdbc.inTransaction(connection -> {
      Map<String, SurveyResponse> stored = new HashMap<>();
      try (PreparedStatement select = new Sql().add("SELECT " + RESPONSE_COLUMNS
              + " FROM survey_responses WHERE tenant_id = ? AND response_id", tenant.value()).in(ids)
          .prepare(connection); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          SurveyResponse response = new SurveyResponse(rows.getString("response_id"), rows.getString("survey_id"),
              rows.getString("customer_id"), Jdbc.instant(rows, "responded_at"), rows.getObject("score", Integer.class),
              rows.getString("comment_text"), rows.getString("language_code"));
          stored.put(response.responseId(), response);
        }
      }
      RecordOutcome outcome = RecordOutcome.against(stored, responses, SurveyResponse::responseId, SurveyResponse::sameAs,
          "responses", "response_id", "RESPONSE_ID_CONFLICT");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO survey_responses (tenant_id, "
          + RESPONSE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (SurveyResponse response : responses) {
          if (!stored.containsKey(response.responseId())) {
            insert.setString(1, tenant.value());
            insert.setString(2, response.responseId());
            insert.setString(3, response.surveyId());
            insert.setString(4, response.customerId());
            Jdbc.bind(insert, 5, response.time());
            insert.setObject(6, response.score(), java.sql.Types.INTEGER);
            insert.setString(7, response.comment());
            insert.setString(8, response.languageCode());
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      CommentRows.insert(connection, tenant, responses.stream().filter(r -> !stored.containsKey(r.responseId()))
          .map(r -> comments.get(r.responseId())).filter(java.util.Objects::nonNull).toList());
      return outcome;
    });
  }
}
