package io.cskpi.application.port;

import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Survey definitions and their responses. */
public interface SurveyRepository {

  /**
   * Stores a new survey and returns it; a survey with the same id and definition is returned as
   * it is (a retried creation); one with another definition is ALREADY_EXISTS.
   */
  Survey create(TenantId tenant, Survey survey);

  /** The surveys among {@code surveyIds} that exist, by id. */
  Map<String, Survey> findAll(TenantId tenant, Collection<String> surveyIds);

  /** Surveys ordered by id. */
  Page<Survey> list(TenantId tenant, PageRequest page);

  /**
   * Stores the responses whose ids are new, each with its analysed comment ({@code comments} by
   * response id, for the responses that have one), all in one transaction. Identical responses
   * already stored count as already recorded; a different response under a stored id is
   * ALREADY_EXISTS (reason RESPONSE_ID_CONFLICT) and nothing is stored.
   */
  RecordOutcome recordResponses(TenantId tenant, List<SurveyResponse> responses, Map<String, Comment> comments);
}
