package io.cskpi.application;

import io.cskpi.application.port.CommentAnalyzer;
import io.cskpi.domain.Feedback;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.kpi.feedback.Comment;
import io.cskpi.domain.kpi.feedback.ScoreGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Analyses the comments of a batch, once, as it arrives. */
final class Comments {

  private Comments() {}

  /** The analysed comments of the responses that have one, by response id. */
  static Map<String, Comment> ofResponses(CommentAnalyzer analyzer, List<SurveyResponse> responses,
      Map<String, Survey> surveys) {
    Map<String, Comment> comments = new LinkedHashMap<>();
    for (SurveyResponse r : responses) {
      if (r.comment() != null) {
        Survey survey = surveys.get(r.surveyId());
        boolean scored = r.score() != null;
        comments.put(r.responseId(), new Comment(Comment.Source.RESPONSE, r.responseId(), r.customerId(), r.time(),
            r.comment(), r.languageCode(), r.surveyId(), r.score(), scored ? survey.scale().min() : null,
            scored ? survey.scale().max() : null, ScoreGroup.of(survey, r.score()), null,
            analyzer.analyze(r.comment(), Optional.ofNullable(r.languageCode()))));
      }
    }
    return comments;
  }

  /** The analysed comment of each feedback record, by feedback id. */
  static Map<String, Comment> ofFeedback(CommentAnalyzer analyzer, List<Feedback> feedback) {
    Map<String, Comment> comments = new LinkedHashMap<>();
    for (Feedback f : feedback) {
      comments.put(f.feedbackId(), new Comment(Comment.Source.FEEDBACK, f.feedbackId(), f.customerId(), f.time(),
          f.text(), f.languageCode(), null, null, null, null, ScoreGroup.NONE, f.channel(),
          analyzer.analyze(f.text(), Optional.ofNullable(f.languageCode()))));
    }
    return comments;
  }
}
