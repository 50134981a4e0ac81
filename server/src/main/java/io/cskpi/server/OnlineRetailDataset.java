package io.cskpi.server;

import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Purchase;
import io.cskpi.proto.v1.Signal;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The UCI Online Retail invoices (a UK retailer, 2010-12 to 2011-12; GBP; times are London local
 * time). A purchase is an invoice: its amount is the sum of Quantity x UnitPrice of its lines.
 * Lines without a customer are rejected. An invoice whose number starts with "C" is a
 * cancellation, recorded as a refund of the customer's latest earlier invoice that still has at
 * least that much left to refund (ties: the greatest invoice number); a cancellation with no such
 * invoice (its order predates the data) is rejected, as are invoices of zero or negative amount.
 * Customers carry the attribute country (of their first line) and are acquired at their first
 * purchase. Every cancellation of a customer is a return: the pushed health signal returns_to_date
 * holds the customer's returns so far, from its first purchase (the returns before it) and at each
 * later return.
 */
final class OnlineRetailDataset {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  /** One invoice, its lines summed. */
  private static final class Invoice {
    final String number;
    final String customer;
    Instant time;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal refundable;

    Invoice(String number, String customer, Instant time) {
      this.number = number;
      this.customer = customer;
      this.time = time;
    }

    boolean cancellation() {
      return number.startsWith("C");
    }
  }

  private OnlineRetailDataset() {}

  static String load(Reader reader, ApiWriter writer) throws IOException {
    Map<String, Integer> rejected = new TreeMap<>();
    Map<String, Invoice> invoices = new LinkedHashMap<>();
    Map<String, String> countries = new LinkedHashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    for (CSVRecord line : format.parse(reader)) {
      String customer = line.get("CustomerID").trim();
      if (customer.isEmpty()) {
        rejected.merge("line without a customer", 1, Integer::sum);
        continue;
      }
      countries.putIfAbsent(customer, line.get("Country"));
      Instant time = LocalDateTime.parse(line.get("InvoiceDate"), TIME).atZone(LONDON).toInstant();
      Invoice invoice = invoices.computeIfAbsent(line.get("InvoiceNo"), n -> new Invoice(n, customer, time));
      if (time.isBefore(invoice.time)) {
        invoice.time = time;
      }
      invoice.amount = invoice.amount.add(new BigDecimal(line.get("Quantity").trim())
          .multiply(new BigDecimal(line.get("UnitPrice").trim())));
    }
    List<Purchase> purchases = new ArrayList<>();
    Map<String, List<Invoice>> ordersByCustomer = new HashMap<>();
    List<Invoice> cancellations = new ArrayList<>();
    for (Invoice invoice : invoices.values()) {
      if (invoice.cancellation()) {
        cancellations.add(invoice);
      } else if (invoice.amount.signum() <= 0) {
        rejected.merge("invoice of zero or negative amount", 1, Integer::sum);
      } else {
        invoice.refundable = invoice.amount;
        ordersByCustomer.computeIfAbsent(invoice.customer, c -> new ArrayList<>()).add(invoice);
        purchases.add(purchase(invoice, null));
      }
    }
    cancellations.sort(Comparator.comparing((Invoice i) -> i.time).thenComparing(i -> i.number));
    int refunds = 0;
    for (Invoice cancellation : cancellations) {
      Invoice order = cancellation.amount.signum() >= 0 ? null : refunded(cancellation,
          ordersByCustomer.getOrDefault(cancellation.customer, List.of()));
      if (cancellation.amount.signum() >= 0) {
        rejected.merge("cancellation of zero or positive amount", 1, Integer::sum);
      } else if (order == null) {
        rejected.merge("cancellation without an order to refund", 1, Integer::sum);
      } else {
        order.refundable = order.refundable.add(cancellation.amount);
        purchases.add(purchase(cancellation, order.number));
        refunds++;
      }
    }
    Map<String, Instant> acquired = new HashMap<>();
    ordersByCustomer.forEach((customer, orders) -> acquired.put(customer,
        orders.stream().map(o -> o.time).min(Comparator.naturalOrder()).orElseThrow()));
    List<Customer> customers = acquired.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> Customer.newBuilder().setCustomerId(e.getKey()).setAcquireTime(ApiWriter.timestamp(e.getValue()))
            .putAttributes("country", countries.get(e.getKey())).build())
        .toList();
    writer.upsertCustomers(customers);
    writer.recordPurchases(purchases);
    List<Signal> returns = returnsToDate(acquired, cancellations);
    writer.recordSignals(returns);
    return String.format("online-retail: %d customers, %d purchases and %d refunds, %d return signals; rejected: %s",
        customers.size(), purchases.size() - refunds, refunds, returns.size(), rejected);
  }

  /** Signals "returns_to_date": at the customer's acquisition and at each later cancellation, the count so far. */
  private static List<Signal> returnsToDate(Map<String, Instant> acquired, List<Invoice> cancellations) {
    Map<String, List<Instant>> returnTimes = new TreeMap<>();
    acquired.keySet().forEach(customer -> returnTimes.put(customer, new ArrayList<>()));
    cancellations.stream().filter(c -> acquired.containsKey(c.customer))
        .forEach(c -> returnTimes.get(c.customer).add(c.time));
    List<Signal> signals = new ArrayList<>();
    returnTimes.forEach((customer, times) -> {
      Instant acquisition = acquired.get(customer);
      times.sort(Comparator.naturalOrder());
      long before = times.stream().filter(t -> !t.isAfter(acquisition)).count();
      signals.add(returnSignal(customer, 0, acquisition, before));
      for (int i = (int) before; i < times.size(); i++) {
        signals.add(returnSignal(customer, i + 1, times.get(i), i + 1));
      }
    });
    return signals;
  }

  private static Signal returnSignal(String customer, int sequence, Instant time, long count) {
    return Signal.newBuilder().setSignalId(String.format("returns-%s-%05d", customer, sequence))
        .setCustomerId(customer).setName("returns_to_date").setTime(ApiWriter.timestamp(time)).setValue(count).build();
  }

  /** The latest earlier order of the customer with at least the cancelled amount left to refund. */
  private static Invoice refunded(Invoice cancellation, List<Invoice> orders) {
    Invoice best = null;
    for (Invoice order : orders) {
      boolean fits = !order.time.isAfter(cancellation.time) && order.refundable.compareTo(cancellation.amount.negate()) >= 0;
      if (fits && (best == null || order.time.isAfter(best.time)
          || order.time.equals(best.time) && order.number.compareTo(best.number) > 0)) {
        best = order;
      }
    }
    return best;
  }

  private static Purchase purchase(Invoice invoice, String refundedOrder) {
    Purchase.Builder purchase = Purchase.newBuilder().setOrderId(invoice.number).setCustomerId(invoice.customer)
        .setPurchaseTime(ApiWriter.timestamp(invoice.time))
        .setAmount(Money.newBuilder().setCurrencyCode("GBP").setAmount(invoice.amount.toPlainString()));
    if (refundedOrder != null) {
      purchase.setRefundedOrderId(refundedOrder);
    }
    return purchase.build();
  }
}
