package io.cskpi.application.fakes;

import io.cskpi.application.port.ClvModelRepository;
import io.cskpi.application.port.Page;
import io.cskpi.application.port.PageRequest;
import io.cskpi.domain.Customer;
import io.cskpi.domain.Money;
import io.cskpi.domain.Purchase;
import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.CustomerHistory;
import io.cskpi.domain.kpi.predictive.CustomerPrediction;
import io.cskpi.domain.kpi.predictive.HoldoutComparison.HistoryCount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@link ClvModelRepository} in memory; pages by {@link OffsetPages}. */
public final class InMemoryClvModelRepository implements ClvModelRepository {

  private final InMemoryData data;
  private final Map<TenantId, TreeMap<String, ClvModel>> models = new HashMap<>();
  private final Map<TenantId, Map<String, List<CustomerPrediction>>> predictions = new HashMap<>();

  InMemoryClvModelRepository(InMemoryData data) {
    this.data = data;
  }

  @Override
  public synchronized Set<String> purchaseCurrencies(TenantId tenant, Instant end) {
    return data.purchaseList(tenant).stream().filter(p -> p.time().isBefore(end))
        .map(p -> p.amount().currencyCode()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public synchronized List<CustomerRecord> histories(TenantId tenant, Instant end, ZoneId zone, LocalDate lastDate,
      String currency, Segment segment) {
    Map<String, TreeMap<LocalDate, BigDecimal>> days = new TreeMap<>();
    for (Purchase p : data.purchaseList(tenant)) {
      Customer customer = data.customers(tenant).get(p.customerId());
      if (p.refundedOrderId() == null && p.time().isBefore(end) && p.amount().currencyCode().equals(currency)
          && segment.contains(customer.attributes())) {
        days.computeIfAbsent(p.customerId(), c -> new TreeMap<>())
            .merge(LocalDate.ofInstant(p.time(), zone), p.amount().amount(), BigDecimal::add);
      }
    }
    List<CustomerRecord> records = new ArrayList<>();
    days.forEach((customerId, values) -> {
      int x = values.size() - 1;
      LocalDate first = values.firstKey();
      Optional<BigDecimal> mean = x == 0 ? Optional.empty() : Optional.of(values.tailMap(first, false).values()
          .stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(x), MathContext.DECIMAL64));
      records.add(new CustomerRecord(customerId, new CustomerHistory(x,
          ChronoUnit.DAYS.between(first, values.lastKey()) / 7.0, ChronoUnit.DAYS.between(first, lastDate) / 7.0,
          mean.map(BigDecimal::doubleValue).orElse(0.0)), mean));
    });
    return records;
  }

  @Override
  public synchronized ClvModel create(TenantId tenant, ClvModel model, List<CustomerPrediction> stored) {
    ClvModel existing = models.computeIfAbsent(tenant, t -> new TreeMap<>()).putIfAbsent(model.modelId(), model);
    if (existing != null) {
      if (!existing.sameSettings(model)) {
        throw ClvModel.alreadyExists(model.modelId());
      }
      return existing;
    }
    predictions.computeIfAbsent(tenant, t -> new HashMap<>()).put(model.modelId(), stored.stream()
        .map(p -> new CustomerPrediction(p.customerId(), p.history(), p.meanRepeatValue().map(InMemoryClvModelRepository::cents4),
            p.probabilityAlive(), p.expectedPurchases(), p.expectedPurchaseValue(), p.value())).toList());
    return model;
  }

  @Override
  public synchronized Optional<ClvModel> find(TenantId tenant, String modelId) {
    return Optional.ofNullable(models.getOrDefault(tenant, new TreeMap<>()).get(modelId));
  }

  @Override
  public synchronized Page<ClvModel> list(TenantId tenant, PageRequest page) {
    return OffsetPages.page(new ArrayList<>(models.getOrDefault(tenant, new TreeMap<>()).values()), page);
  }

  @Override
  public synchronized Page<CustomerPrediction> predictions(TenantId tenant, String modelId, Order order,
      PageRequest page) {
    Comparator<CustomerPrediction> highest = order == Order.VALUE
        ? Comparator.comparing((CustomerPrediction p) -> p.value().map(Money::amount).orElse(BigDecimal.ZERO)).reversed()
        : Comparator.comparingDouble(CustomerPrediction::probabilityAlive).reversed();
    List<CustomerPrediction> sorted = new ArrayList<>(all(tenant, modelId));
    sorted.sort(highest.thenComparing(CustomerPrediction::customerId));
    return OffsetPages.page(sorted, page);
  }

  @Override
  public synchronized Optional<CustomerPrediction> prediction(TenantId tenant, String modelId, String customerId) {
    return all(tenant, modelId).stream().filter(p -> p.customerId().equals(customerId)).findFirst();
  }

  @Override
  public synchronized Totals totals(TenantId tenant, String modelId, Segment segment) {
    List<CustomerPrediction> chosen = all(tenant, modelId).stream()
        .filter(p -> segment.contains(data.customers(tenant).get(p.customerId()).attributes())).toList();
    boolean valued = !chosen.isEmpty() && chosen.stream().allMatch(p -> p.value().isPresent());
    return new Totals(chosen.size(), valued ? Optional.of(chosen.stream().map(p -> p.value().get().amount())
        .reduce(BigDecimal.ZERO, BigDecimal::add)) : Optional.empty(),
        chosen.stream().mapToDouble(CustomerPrediction::expectedPurchases).sum(),
        chosen.stream().mapToDouble(CustomerPrediction::probabilityAlive).sum());
  }

  @Override
  public synchronized HoldoutActivity holdoutActivity(TenantId tenant, ClvModel model, ZoneId zone,
      LocalDate holdoutEnd) {
    Instant end = holdoutEnd.plusDays(1).atStartOfDay(zone).toInstant();
    Map<String, TreeSet<LocalDate>> days = new HashMap<>();
    for (Purchase p : data.purchaseList(tenant)) {
      if (p.refundedOrderId() == null && p.time().isBefore(end) && p.amount().currencyCode().equals(model.currencyCode())) {
        days.computeIfAbsent(p.customerId(), c -> new TreeSet<>()).add(LocalDate.ofInstant(p.time(), zone));
      }
    }
    Map<CustomerHistory, long[]> groups = new LinkedHashMap<>();
    Map<LocalDate, Long> repeats = new TreeMap<>();
    for (CustomerPrediction prediction : all(tenant, model.modelId())) {
      TreeSet<LocalDate> customerDays = days.getOrDefault(prediction.customerId(), new TreeSet<>());
      CustomerHistory h = prediction.history();
      long[] counts = groups.computeIfAbsent(CustomerHistory.of(h.x(), h.tx(), h.T()), k -> new long[2]);
      counts[0]++;
      counts[1] += customerDays.tailSet(model.calibrationEndDate(), false).size();
      customerDays.stream().skip(1).forEach(day -> repeats.merge(day, 1L, Long::sum));
    }
    List<HistoryCount> histories = new ArrayList<>();
    groups.forEach((history, counts) -> histories.add(new HistoryCount(history, counts[0], counts[1])));
    return new HoldoutActivity(histories, repeats);
  }

  private List<CustomerPrediction> all(TenantId tenant, String modelId) {
    return predictions.getOrDefault(tenant, Map.of()).getOrDefault(modelId, List.of());
  }

  private static BigDecimal cents4(BigDecimal value) {
    return value.setScale(4, java.math.RoundingMode.HALF_UP);
  }

}
