package io.cskpi.application.contract;

import io.cskpi.application.port.CustomerRepository;
import io.cskpi.application.port.KpiStatistics;
import io.cskpi.application.port.PurchaseRepository;
import io.cskpi.application.port.TenantRepository;

/** One implementation of every outbound port, sharing one store. */
public record Ports(TenantRepository tenants, CustomerRepository customers,
    PurchaseRepository purchases, KpiStatistics statistics) {}
