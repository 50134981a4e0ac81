package io.cskpi.application;

import io.cskpi.application.port.SurveyRepository;
import io.cskpi.domain.Survey;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import java.util.List;

/** Reads one survey definition. */
public final class GetSurvey {

  private final SurveyRepository surveys;
  private final TenantLookup lookup;

  public GetSurvey(SurveyRepository surveys, TenantLookup lookup) {
    this.surveys = surveys;
    this.lookup = lookup;
  }

  public Survey get(TenantId tenant, String surveyId) {
    lookup.require(tenant);
    Survey survey = surveys.findAll(tenant, List.of(surveyId)).get(surveyId);
    if (survey == null) {
      throw CskpiException.notFound("SURVEY_NOT_FOUND", "survey \"" + surveyId + "\" does not exist", "name");
    }
    return survey;
  }
}
