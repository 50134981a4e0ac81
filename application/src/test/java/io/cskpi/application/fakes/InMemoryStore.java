package io.cskpi.application.fakes;

import io.cskpi.application.UseCases;

/** Every outbound port in memory, sharing one store. */
public final class InMemoryStore {

  private InMemoryStore() {}

  public static UseCases.Ports ports() {
    InMemoryData data = new InMemoryData();
    return new UseCases.Ports(new InMemoryTenantRepository(data), new InMemoryCustomerRepository(data),
        new InMemoryPurchaseRepository(data), new InMemorySurveyRepository(data), new InMemoryExpenseRepository(data),
        new InMemoryKpiStatistics(data), new InMemoryClvModelRepository(data),
        new InMemoryHealthRepository(data), new InMemoryFeedbackRepository(data), new InMemoryRequestLog());
  }
}
