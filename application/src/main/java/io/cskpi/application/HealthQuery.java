package io.cskpi.application;

import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which customers' health to score: a tenant's customers of a segment, as of the end of a local
 * date (empty: today in the tenant's zone), under a model version (empty: the one in force).
 */
public record HealthQuery(TenantId tenant, Optional<LocalDate> asOf, Segment segment, OptionalInt modelVersion) {}
