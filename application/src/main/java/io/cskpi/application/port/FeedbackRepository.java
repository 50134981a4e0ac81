package io.cskpi.application.port;

import io.cskpi.domain.Feedback;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.kpi.feedback.Sentiment;
import io.cskpi.domain.kpi.feedback.ThemeDrivers.ThemeCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stand-alone feedback, and every analysed comment (of responses and feedback) summed up and listed. */
public interface FeedbackRepository {

  /**
   * Stores the feedback records whose ids are new, each with its analysed comment ({@code comments}
   * by feedback id), in one transaction. Identical records already stored count as already
   * recorded; a different record under a stored id is ALREADY_EXISTS (FEEDBACK_ID_CONFLICT) and
   * nothing is stored.
   */
  RecordOutcome recordFeedback(TenantId tenant, List<Feedback> feedback, Map<String, Comment> comments);

  /** Which comments: a period, a segment of customers, one survey's responses only. */
  record Scope(TenantId tenant, Instant start, Instant end, Segment segment, Optional<String> surveyId) {}

  /**
   * A theme's comments: how many, their sentiment, scores and labels.
   *
   * @param scales the survey scales of its scored comments: 0, 1, or 2 for two or more
   */
  record ThemeStats(String key, String text, long comments, double sentimentSum, long negative, long positive,
      long scored, double scoreSum, int scales) {}

  /**
   * A period's comments summed up: the responses and those with a comment; comments by sentiment
   * and language; the {@code themeLimit} most frequent themes; and for the drivers, each theme's
   * comments per score group (themes with at least 3 comments in the two groups together) with the
   * theme occurrences of each group and of all comments.
   */
  record Summary(long responses, long responsesWithComment, long comments, Map<Sentiment, Long> sentiments,
      double sentimentSum, Map<String, Long> languages, List<ThemeStats> themes, long negativeScoreComments,
      long positiveScoreComments, List<ThemeCounts> driverCounts, long negativeOccurrences, long positiveOccurrences,
      long allOccurrences) {}

  Summary summarize(Scope scope, int themeLimit);

  /** Filters of a comment list; empty ones do not filter. */
  record CommentFilter(Optional<Instant> start, Optional<Instant> end, Optional<String> themeKey,
      Optional<Sentiment> sentiment, Optional<Integer> minScore, Optional<Integer> maxScore,
      Optional<String> customerId, Optional<String> language, Optional<String> textQuery, Segment segment) {}

  /** Comments newest first (ties by source, then id), each with its themes' keys. */
  Page<Comment> list(TenantId tenant, CommentFilter filter, PageRequest page);
}
