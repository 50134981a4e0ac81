package io.cskpi.adapters.grpc;

import io.cskpi.application.UpdateTenant;
import io.cskpi.domain.ChurnPolicy;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.TimeZones;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.proto.v1.ChurnRule;
import io.cskpi.proto.v1.InactivityRule;
import io.cskpi.proto.v1.LifecycleEventsRule;
import io.cskpi.proto.v1.UpdateTenantRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Tenants between proto and domain. */
final class TenantProtoMapper {

  private static final List<String> UPDATABLE = List.of("display_name", "time_zone", "churn_rule");

  private TenantProtoMapper() {}

  static Tenant fromProto(TenantId id, io.cskpi.proto.v1.Tenant tenant) {
    return Fields.under("tenant", () -> new Tenant(id, tenant.getDisplayName(), zone(tenant.getTimeZone()),
        tenant.hasChurnRule() ? policy(tenant.getChurnRule()) : null, null));
  }

  static UpdateTenant.Changes changes(UpdateTenantRequest request) {
    List<String> paths = request.getUpdateMask().getPathsList().isEmpty()
        ? UPDATABLE : request.getUpdateMask().getPathsList();
    for (String path : paths) {
      if (!UPDATABLE.contains(path)) {
        throw CskpiException.invalid("update_mask", "\"" + path + "\" is not one of " + UPDATABLE);
      }
    }
    io.cskpi.proto.v1.Tenant tenant = request.getTenant();
    return Fields.under("tenant", () -> new UpdateTenant.Changes(
        paths.contains("display_name") ? Optional.of(tenant.getDisplayName()) : Optional.empty(),
        paths.contains("time_zone") ? Optional.of(zone(tenant.getTimeZone())) : Optional.empty(),
        paths.contains("churn_rule") ? Optional.of(policy(tenant.getChurnRule())) : Optional.empty()));
  }

  static io.cskpi.proto.v1.Tenant toProto(Tenant tenant) {
    io.cskpi.proto.v1.Tenant.Builder proto = io.cskpi.proto.v1.Tenant.newBuilder()
        .setName(tenant.id().resourceName())
        .setDisplayName(tenant.displayName())
        .setTimeZone(tenant.timeZone().getId())
        .setChurnRule(toProto(tenant.churnPolicy()));
    if (tenant.createTime() != null) {
      proto.setCreateTime(Fields.timestamp(tenant.createTime()));
    }
    return proto.build();
  }

  static ChurnRule toProto(ChurnPolicy policy) {
    return policy instanceof ChurnPolicy.Inactivity inactivity
        ? ChurnRule.newBuilder().setInactivity(InactivityRule.newBuilder().setDays(inactivity.days())).build()
        : ChurnRule.newBuilder().setLifecycleEvents(LifecycleEventsRule.getDefaultInstance()).build();
  }

  private static ZoneId zone(String name) {
    return name.isEmpty() ? ZoneId.of("UTC") : TimeZones.parse("time_zone", name);
  }

  private static ChurnPolicy policy(ChurnRule rule) {
    return rule.getRuleCase() == ChurnRule.RuleCase.INACTIVITY
        ? new ChurnPolicy.Inactivity(rule.getInactivity().getDays())
        : new ChurnPolicy.LifecycleEvents();
  }
}
