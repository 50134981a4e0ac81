package io.cskpi.application;

import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;

/** What every KPI call asks: a tenant, a period (or a series of them) and a segment of customers. */
public record KpiQuery(TenantId tenant, PeriodQuery period, int periodCount, Segment segment) {

  public static KpiQuery of(TenantId tenant, PeriodQuery period) {
    return new KpiQuery(tenant, period, 1, Segment.everyone());
  }
}
