package io.cskpi.application;

import io.cskpi.application.port.CommentAnalyzer;
import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.FeedbackRepository;
import io.cskpi.application.port.RecordOutcome;
import io.cskpi.domain.Feedback;
import io.cskpi.domain.TenantId;
import java.util.List;

/** Records stand-alone feedback of existing customers, analysed once: all or nothing, idempotent by id. */
public final class RecordFeedback {

  private final FeedbackRepository feedback;
  private final CustomerRepository customers;
  private final TenantLookup lookup;
  private final CommentAnalyzer analyzer;

  public RecordFeedback(FeedbackRepository feedback, CustomerRepository customers, TenantLookup lookup,
      CommentAnalyzer analyzer) {
    this.feedback = feedback;
    this.customers = customers;
    this.lookup = lookup;
    this.analyzer = analyzer;
  }

  public RecordOutcome record(TenantId tenant, List<Feedback> batch) {
    Batches.check("feedback", batch, Feedback::feedbackId, "feedback_id");
    lookup.require(tenant);
    KnownCustomers.require(customers, tenant, "feedback", batch, Feedback::customerId);
    return feedback.recordFeedback(tenant, batch, Comments.ofFeedback(analyzer, batch));
  }
}
