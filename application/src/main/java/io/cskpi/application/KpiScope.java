package io.cskpi.application;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.domain.Period;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.errors.CskpiException;
import io.cskpi.domain.errors.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A KPI query resolved against its tenant: the tenant, the periods and a segment on known attributes. */
public record KpiScope(Tenant tenant, List<Period> periods, Segment segment) {

  /** Resolves the periods in the tenant's zone; a filter on an attribute no customer has is refused. */
  static KpiScope resolve(KpiQuery query, TenantLookup lookup, CustomerRepository customers) {
    Tenant tenant = lookup.require(query.tenant());
    List<Period> periods = query.period().resolveSeries(tenant.timeZone(), query.periodCount());
    requireKnownAttributes(query.tenant(), query.segment(), customers);
    return new KpiScope(tenant, periods, query.segment());
  }

  /** Refuses a filter on an attribute no customer of the tenant has, naming segment[i].key. */
  static void requireKnownAttributes(TenantId tenantId, Segment segment, CustomerRepository customers) {
    Set<String> keys = segment.filters().stream().map(Segment.AttributeFilter::key).collect(Collectors.toSet());
    if (!keys.isEmpty()) {
      Set<String> known = customers.knownAttributeKeys(tenantId, keys);
      List<FieldViolation> unknown = new ArrayList<>();
      for (int i = 0; i < segment.filters().size(); i++) {
        String key = segment.filters().get(i).key();
        if (!known.contains(key)) {
          unknown.add(new FieldViolation("segment[" + i + "].key", "no customer of the tenant has the attribute \""
              + key + "\""));
        }
      }
      if (!unknown.isEmpty()) {
        throw CskpiException.invalid(unknown);
      }
    }
  }
}
