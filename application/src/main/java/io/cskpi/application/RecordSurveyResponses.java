package io.cskpi.application;

import io.cskpi.application.port.CommentAnalyzer;
import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.application.port.SurveyRepository;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records survey responses of existing customers to existing surveys, each score within its
 * survey's scale, their comments analysed once: all or nothing, idempotent by response id.
 */
public final class RecordSurveyResponses {

  private final SurveyRepository surveys;
  private final CustomerRepository customers;
  private final TenantLookup lookup;
  private final CommentAnalyzer analyzer;

  public RecordSurveyResponses(SurveyRepository surveys, CustomerRepository customers, TenantLookup lookup,
      CommentAnalyzer analyzer) {
    this.surveys = surveys;
    this.customers = customers;
    this.lookup = lookup;
    this.analyzer = analyzer;
  }

  public RecordOutcome record(TenantId tenant, List<SurveyResponse> responses) {
    Batches.check("responses", responses, SurveyResponse::responseId, "response_id");
    lookup.require(tenant);
    Map<String, Survey> known = surveys.findAll(tenant,
        responses.stream().map(SurveyResponse::surveyId).distinct().toList());
    List<FieldViolation> unknown = new ArrayList<>();
    List<FieldViolation> outOfScale = new ArrayList<>();
    for (int i = 0; i < responses.size(); i++) {
      SurveyResponse response = responses.get(i);
      Survey survey = known.get(response.surveyId());
      if (survey == null) {
        unknown.add(new FieldViolation("responses[" + i + "].survey_id",
            "survey \"" + response.surveyId() + "\" does not exist"));
      } else if (response.score() != null && !survey.scale().contains(response.score())) {
        outOfScale.add(new FieldViolation("responses[" + i + "].score", "must be " + survey.scale().min() + " to "
            + survey.scale().max() + " on survey \"" + survey.surveyId() + "\", was " + response.score()));
      }
    }
    if (!unknown.isEmpty()) {
      throw new CskpiException(CskpiException.Kind.NOT_FOUND, "SURVEY_NOT_FOUND",
          unknown.size() + " responses name surveys that do not exist, first: " + unknown.get(0).description(),
          unknown);
    }
    if (!outOfScale.isEmpty()) {
      throw CskpiException.invalid(outOfScale);
    }
    KnownCustomers.require(customers, tenant, "responses", responses, SurveyResponse::customerId);
    return surveys.recordResponses(tenant, responses, Comments.ofResponses(analyzer, responses, known));
  }
}
