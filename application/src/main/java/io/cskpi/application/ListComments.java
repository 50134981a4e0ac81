package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.FeedbackRepository;
import io.cskpi.application.port.FeedbackRepository.CommentFilter;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.kpi.feedback.Sentiment;
import java.util.Optional;
import java.util.Set;

/** Comments newest first, filtered by period, theme, sentiment, score, customer, language, text and segment. */
public final class ListComments {

  /** What a client may filter by; empty means no filter. */
  public record Query(TenantId tenant, Optional<PeriodQuery> period, Optional<String> themeKey,
      Optional<Sentiment> sentiment, Optional<Integer> minScore, Optional<Integer> maxScore,
      Optional<String> customerId, Optional<String> language, Optional<String> textQuery, Segment segment) {}

  private static final Set<String> LANGUAGES = Set.of("es", "en", "pt", "other");

  private final FeedbackRepository feedback;
  private final CustomerRepository customers;
  private final TenantLookup lookup;

  public ListComments(FeedbackRepository feedback, CustomerRepository customers, TenantLookup lookup) {
    this.feedback = feedback;
    this.customers = customers;
    this.lookup = lookup;
  }

  public Page<Comment> list(Query query, PageRequest page) {
    var tenant = lookup.require(query.tenant());
    if (query.minScore().isPresent() && query.maxScore().isPresent()
        && query.minScore().get() > query.maxScore().get()) {
      throw CskpiException.invalid("max_score", "must not be below min_score");
    }
    query.language().filter(l -> !LANGUAGES.contains(l)).ifPresent(l -> {
      throw CskpiException.invalid("language", "must be es, en, pt or other");
    });
    query.textQuery().filter(t -> t.isBlank() || t.codePointCount(0, t.length()) > 200).ifPresent(t -> {
      throw CskpiException.invalid("text_query", "must be 1 to 200 characters, not blank");
    });
    query.themeKey().filter(t -> t.length() > 128).ifPresent(t -> {
      throw CskpiException.invalid("theme", "must be at most 128 characters");
    });
    KpiScope.requireKnownAttributes(query.tenant(), query.segment(), customers);
    Optional<Period> period = query.period().map(p -> p.resolve(tenant.timeZone()));
    return feedback.list(query.tenant(), new CommentFilter(period.map(Period::start), period.map(Period::end),
        query.themeKey(), query.sentiment(), query.minScore(), query.maxScore(), query.customerId(), query.language(),
        query.textQuery(), query.segment()), page);
  }
}
