package io.cskpi.application;

import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.application.port.SurveyRepository;
import io.cskpi.domain.Survey;
import io.cskpi.domain.TenantId;

/** Lists a tenant's surveys by id, a page at a time. */
public final class ListSurveys {

  private final SurveyRepository surveys;
  private final TenantLookup lookup;

  public ListSurveys(SurveyRepository surveys, TenantLookup lookup) {
    this.surveys = surveys;
    this.lookup = lookup;
  }

  public Page<Survey> list(TenantId tenant, PageRequest page) {
    lookup.require(tenant);
    return surveys.list(tenant, page);
  }
}
