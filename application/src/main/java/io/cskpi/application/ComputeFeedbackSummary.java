package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.FeedbackRepository;
import io.cskpi.application.port.SurveyRepository;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.feedback.ThemeDrivers;
import java.util.Optional;

/**
 * The qualitative-feedback KPI of a period (spec section 7): SQL sums over the comments analysed
 * when they arrived, and the theme drivers computed from them.
 */
public final class ComputeFeedbackSummary {

  /** Themes and drivers when the request names no number. */
  public static final int DEFAULT_THEMES = 20;
  public static final int MAX_THEMES = 100;

  /** The period, the sums, and the drivers. */
  public record Result(Period period, FeedbackRepository.Summary summary, ThemeDrivers.Drivers drivers) {}

  private final FeedbackRepository feedback;
  private final SurveyRepository surveys;
  private final CustomerRepository customers;
  private final TenantLookup lookup;

  public ComputeFeedbackSummary(FeedbackRepository feedback, SurveyRepository surveys, CustomerRepository customers,
      TenantLookup lookup) {
    this.feedback = feedback;
    this.surveys = surveys;
    this.customers = customers;
    this.lookup = lookup;
  }

  public Result compute(TenantId tenantId, PeriodQuery period, Segment segment, Optional<String> surveyId,
      int themeCount) {
    if (themeCount < 0 || themeCount > MAX_THEMES) {
      throw CskpiException.invalid("theme_count", "must be 1 to " + MAX_THEMES + ", or 0 for " + DEFAULT_THEMES);
    }
    Tenant tenant = lookup.require(tenantId);
    Period resolved = period.resolve(tenant.timeZone());
    KpiScope.requireKnownAttributes(tenantId, segment, customers);
    surveyId.ifPresent(id -> {
      if (surveys.findAll(tenantId, java.util.List.of(id)).isEmpty()) {
        throw CskpiException.notFound("SURVEY_NOT_FOUND", "survey \"" + id + "\" does not exist", "survey_id");
      }
    });
    int limit = themeCount == 0 ? DEFAULT_THEMES : themeCount;
    var summary = feedback.summarize(new FeedbackRepository.Scope(tenantId, resolved.start(), resolved.end(), segment,
        surveyId), limit);
    var drivers = ThemeDrivers.of(summary.driverCounts(), summary.negativeOccurrences(),
        summary.positiveOccurrences(), summary.allOccurrences(), limit);
    return new Result(resolved, summary, drivers);
  }
}
