package io.cskpi.application.fakes;

import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.application.port.SurveyRepository;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.errors.CskpiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link SurveyRepository} in memory; page tokens are "after:" and the last id of the page. */
public final class InMemorySurveyRepository implements SurveyRepository {

  private final InMemoryData data;

  public InMemorySurveyRepository(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized Survey create(TenantId tenant, Survey survey) {
    Survey stored = data.surveys(tenant).putIfAbsent(survey.surveyId(), survey);
    if (stored == null) {
      return survey;
    }
    if (!stored.sameDefinition(survey)) {
      throw new CskpiException(CskpiException.Kind.ALREADY_EXISTS, "SURVEY_ALREADY_EXISTS",
          "survey \"" + survey.surveyId() + "\" exists with another definition");
    }
    return stored;
  }

  @Override
  public synchronized Map<String, Survey> findAll(TenantId tenant, Collection<String> surveyIds) {
    Map<String, Survey> found = new HashMap<>();
    surveyIds.forEach(id -> {
      if (data.surveys(tenant).containsKey(id)) {
        found.put(id, data.surveys(tenant).get(id));
      }
    });
    return found;
  }

  @Override
  public synchronized Page<Survey> list(TenantId tenant, PageRequest page) {
    if (!page.token().isEmpty() && !page.token().startsWith("after:")) {
      throw CskpiException.invalid("page_token", "is not a token this list returned");
    }
    var rest = page.token().isEmpty() ? data.surveys(tenant)
        : data.surveys(tenant).tailMap(page.token().substring("after:".length()), false);
    List<Survey> items = rest.values().stream().limit(page.size()).toList();
    return new Page<>(items, rest.size() > items.size() ? "after:" + items.get(items.size() - 1).surveyId() : "");
  }

  @Override
  public synchronized RecordOutcome recordResponses(TenantId tenant, List<SurveyResponse> responses,
      Map<String, Comment> comments) {
    RecordOutcome outcome = RecordOutcome.against(data.responses(tenant), responses, SurveyResponse::responseId, SurveyResponse::sameAs,
        "responses", "response_id", "RESPONSE_ID_CONFLICT");
    for (SurveyResponse r : responses) {
      if (data.responses(tenant).putIfAbsent(r.responseId(), r) == null && comments.containsKey(r.responseId())) {
        data.comments(tenant).add(comments.get(r.responseId()));
      }
    }
    return outcome;
  }
}
