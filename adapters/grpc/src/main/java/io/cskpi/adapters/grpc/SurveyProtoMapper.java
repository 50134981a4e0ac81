package io.cskpi.adapters.grpc;

import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.kpi.CsatScale;
import io.cskpi.proto.v1.SurveyKind;

/** Surveys and responses between proto and domain. */
final class SurveyProtoMapper {

  private SurveyProtoMapper() {}

  static Survey fromProto(io.cskpi.proto.v1.Survey survey) {
    Survey.Kind kind = switch (survey.getKind()) {
      case SURVEY_KIND_NPS -> Survey.Kind.NPS;
      case SURVEY_KIND_CSAT -> Survey.Kind.CSAT;
      default -> throw CskpiException.invalid("kind", "must be SURVEY_KIND_NPS or SURVEY_KIND_CSAT");
    };
    CsatScale scale = null;
    if (kind == Survey.Kind.CSAT) {
      var proto = survey.getCsatScale();
      int min = survey.hasCsatScale() ? proto.getMin() : 1;
      int max = survey.hasCsatScale() && proto.getMax() != 0 ? proto.getMax() : 5;
      if (min < 0 || max > 100 || min >= max) {
        throw CskpiException.invalid("csat_scale", "must have 0 <= min < max <= 100, was " + min + "-" + max);
      }
      try {
        scale = proto.hasSatisfiedFrom() ? new CsatScale(min, max, proto.getSatisfiedFrom())
            : CsatScale.defaultFor(min, max);
      } catch (IllegalArgumentException e) {
        throw CskpiException.invalid("csat_scale.satisfied_from", e.getMessage());
      }
    } else if (survey.hasCsatScale()) {
      throw CskpiException.invalid("csat_scale", "is only for CSAT surveys; NPS is always 0-10");
    }
    return new Survey(survey.getSurveyId(), kind, scale, survey.getDisplayName(), null);
  }

  static io.cskpi.proto.v1.Survey toProto(TenantId tenant, Survey survey) {
    io.cskpi.proto.v1.Survey.Builder proto = io.cskpi.proto.v1.Survey.newBuilder()
        .setName(tenant.resourceName() + "/surveys/" + survey.surveyId())
        .setSurveyId(survey.surveyId())
        .setKind(survey.kind() == Survey.Kind.NPS ? SurveyKind.SURVEY_KIND_NPS : SurveyKind.SURVEY_KIND_CSAT)
        .setDisplayName(survey.displayName());
    if (survey.kind() == Survey.Kind.CSAT) {
      proto.setCsatScale(toProto(survey.scale()));
    }
    if (survey.createTime() != null) {
      proto.setCreateTime(Fields.timestamp(survey.createTime()));
    }
    return proto.build();
  }

  static io.cskpi.proto.v1.CsatScale toProto(CsatScale scale) {
    return io.cskpi.proto.v1.CsatScale.newBuilder().setMin(scale.min()).setMax(scale.max())
        .setSatisfiedFrom(scale.satisfiedFrom()).build();
  }

  static SurveyResponse fromProto(io.cskpi.proto.v1.SurveyResponse response) {
    return new SurveyResponse(response.getResponseId(), response.getSurveyId(), response.getCustomerId(),
        Fields.instant("response_time", response.hasResponseTime(), response.getResponseTime()),
        response.hasScore() ? response.getScore() : null, response.getComment(), response.getLanguageCode());
  }
}
