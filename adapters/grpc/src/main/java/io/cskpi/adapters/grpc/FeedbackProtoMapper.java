package io.cskpi.adapters.grpc;

import io.cskpi.application.ComputeFeedbackSummary;
import io.cskpi.application.port.FeedbackRepository.ThemeStats;
import io.cskpi.domain.Feedback;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.kpi.feedback.Sentiment;
import io.cskpi.domain.kpi.feedback.Texts;
import io.cskpi.domain.kpi.feedback.Theme;
import io.cskpi.domain.kpi.feedback.ThemeDrivers.Driver;
import io.cskpi.proto.v1.ComputeFeedbackSummaryResponse;
import io.cskpi.proto.v1.SentimentLabel;
import io.cskpi.proto.v1.ThemeDriver;
import io.cskpi.proto.v1.ThemeSummary;
import java.util.Optional;

/** Feedback, comments and the feedback summary between proto and domain. */
final class FeedbackProtoMapper {

  /** Code points of a comment's excerpt in a list. */
  static final int EXCERPT_LENGTH = 200;

  private FeedbackProtoMapper() {}

  static Feedback fromProto(io.cskpi.proto.v1.Feedback f) {
    return new Feedback(f.getFeedbackId(), f.getCustomerId(), Fields.instant("time", f.hasTime(), f.getTime()),
        f.getText(), f.getLanguageCode(), f.getChannel());
  }

  static Optional<Sentiment> sentiment(SentimentLabel label) {
    return switch (label) {
      case SENTIMENT_LABEL_UNSPECIFIED -> Optional.empty();
      case SENTIMENT_LABEL_NEGATIVE -> Optional.of(Sentiment.NEGATIVE);
      case SENTIMENT_LABEL_NEUTRAL -> Optional.of(Sentiment.NEUTRAL);
      case SENTIMENT_LABEL_POSITIVE -> Optional.of(Sentiment.POSITIVE);
      default -> throw io.cskpi.domain.errors.CskpiException.invalid("sentiment",
          "must be NEGATIVE, NEUTRAL or POSITIVE");
    };
  }

  private static SentimentLabel toProto(Sentiment sentiment) {
    return switch (sentiment) {
      case NEGATIVE -> SentimentLabel.SENTIMENT_LABEL_NEGATIVE;
      case NEUTRAL -> SentimentLabel.SENTIMENT_LABEL_NEUTRAL;
      case POSITIVE -> SentimentLabel.SENTIMENT_LABEL_POSITIVE;
    };
  }

  static io.cskpi.proto.v1.Comment toProto(TenantId tenant, Comment c) {
    String collection = c.source() == Comment.Source.RESPONSE ? "/surveyResponses/" : "/feedback/";
    var builder = io.cskpi.proto.v1.Comment.newBuilder().setName(tenant.resourceName() + collection + c.sourceId())
        .setCustomer(ResourceNames.customerName(tenant, c.customerId())).setTime(Fields.timestamp(c.time()))
        .setText(c.text()).setExcerpt(Texts.firstCodePoints(c.text(), EXCERPT_LENGTH))
        .setLanguage(c.analysis().language()).setLanguageDetected(c.analysis().languageDetected())
        .setSentimentScore(c.analysis().sentimentScore()).setSentiment(toProto(c.analysis().sentiment()))
        .addAllThemes(c.analysis().themes().stream().map(Theme::key).toList());
    if (c.surveyId() != null) {
      builder.setSurveyId(c.surveyId());
    }
    if (c.score() != null) {
      builder.setScore(c.score());
    }
    if (c.channel() != null) {
      builder.setChannel(c.channel());
    }
    return builder.build();
  }

  static ComputeFeedbackSummaryResponse toProto(ComputeFeedbackSummary.Result result) {
    var s = result.summary();
    var builder = ComputeFeedbackSummaryResponse.newBuilder().setPeriod(KpiProtoMapper.toProto(result.period()))
        .setResponses(s.responses()).setResponsesWithComment(s.responsesWithComment()).setComments(s.comments())
        .setNegative(s.sentiments().getOrDefault(Sentiment.NEGATIVE, 0L))
        .setNeutral(s.sentiments().getOrDefault(Sentiment.NEUTRAL, 0L))
        .setPositive(s.sentiments().getOrDefault(Sentiment.POSITIVE, 0L)).putAllLanguages(s.languages())
        .setNegativeScoreComments(s.negativeScoreComments()).setPositiveScoreComments(s.positiveScoreComments());
    if (s.responses() > 0) {
      builder.setCommentSharePercent(100.0 * s.responsesWithComment() / s.responses());
    }
    if (s.comments() > 0) {
      builder.setMeanSentiment(s.sentimentSum() / s.comments());
    }
    s.themes().forEach(t -> builder.addThemes(toProto(t)));
    result.drivers().negative().forEach(d -> builder.addNegativeDrivers(toProto(d)));
    result.drivers().positive().forEach(d -> builder.addPositiveDrivers(toProto(d)));
    return builder.build();
  }

  private static ThemeSummary toProto(ThemeStats t) {
    var theme = ThemeSummary.newBuilder().setKey(t.key()).setText(t.text()).setComments(t.comments())
        .setMeanSentiment(t.sentimentSum() / t.comments()).setNegative(t.negative()).setPositive(t.positive());
    if (t.scored() > 0 && t.scales() == 1) {
      theme.setMeanScore(t.scoreSum() / t.scored());
    }
    return theme.build();
  }

  private static ThemeDriver toProto(Driver d) {
    return ThemeDriver.newBuilder().setKey(d.key()).setText(d.text()).setNegativeComments(d.negative())
        .setPositiveComments(d.positive()).setLogOddsRatio(d.logOddsRatio()).setZScore(d.z()).build();
  }
}
