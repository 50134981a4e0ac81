package io.cskpi.application.fakes;

import io.cskpi.domain.Customer;
import io.cskpi.domain.LifecycleEvent;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.RetentionExpense;
import io.cskpi.domain.Survey;
import io.cskpi.domain.SurveyResponse;
import io.cskpi.domain.Tenant;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.feedback.Comment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The state the in-memory fakes of the ports share: one tenant's data per key. */
public final class InMemoryData {

  final Map<TenantId, Tenant> tenants = new HashMap<>();
  final Map<TenantId, TreeMap<String, Customer>> customers = new HashMap<>();
  final Map<TenantId, Set<LifecycleEvent>> events = new HashMap<>();
  final Map<TenantId, Map<String, Purchase>> purchases = new HashMap<>();
  final Map<TenantId, TreeMap<String, Survey>> surveys = new HashMap<>();
  final Map<TenantId, Map<String, SurveyResponse>> responses = new HashMap<>();
  final Map<TenantId, Map<String, RetentionExpense>> expenses = new HashMap<>();
  final Map<TenantId, List<Comment>> comments = new HashMap<>();

  List<Comment> comments(TenantId tenant) {
    return comments.computeIfAbsent(tenant, t -> new ArrayList<>());
  }

  TreeMap<String, Customer> customers(TenantId tenant) {
    return customers.computeIfAbsent(tenant, t -> new TreeMap<>());
  }

  Set<LifecycleEvent> events(TenantId tenant) {
    return events.computeIfAbsent(tenant, t -> new LinkedHashSet<>());
  }

  Map<String, Purchase> purchases(TenantId tenant) {
    return purchases.computeIfAbsent(tenant, t -> new HashMap<>());
  }

  TreeMap<String, Survey> surveys(TenantId tenant) {
    return surveys.computeIfAbsent(tenant, t -> new TreeMap<>());
  }

  Map<String, SurveyResponse> responses(TenantId tenant) {
    return responses.computeIfAbsent(tenant, t -> new HashMap<>());
  }

  Map<String, RetentionExpense> expenses(TenantId tenant) {
    return expenses.computeIfAbsent(tenant, t -> new HashMap<>());
  }

  List<Purchase> purchaseList(TenantId tenant) {
    return new ArrayList<>(purchases(tenant).values());
  }
}
