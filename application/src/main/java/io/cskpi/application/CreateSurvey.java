package io.cskpi.application;

import io.cskpi.application.port.SurveyRepository;
import io.cskpi.domain.Survey;
import io.cskpi.domain.TenantId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Defines a survey; creating the same definition again returns it unchanged. */
public final class CreateSurvey {

  private final SurveyRepository surveys;
  private final TenantLookup lookup;
  private final Clock clock;

  public CreateSurvey(SurveyRepository surveys, TenantLookup lookup, Clock clock) {
    this.surveys = surveys;
    this.lookup = lookup;
    this.clock = clock;
  }

  public Survey create(TenantId tenant, Survey survey) {
    lookup.require(tenant);
    return surveys.create(tenant, new Survey(survey.surveyId(), survey.kind(), survey.scale(), survey.displayName(),
        clock.instant().truncatedTo(ChronoUnit.MICROS)));
  }
}
