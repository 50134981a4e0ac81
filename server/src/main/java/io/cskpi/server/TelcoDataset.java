package io.cskpi.server;

import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.LifecycleEvent;
import io.cskpi.proto.v1.LifecycleEventType;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Purchase;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The IBM Telco churn snapshot as a contractual business, in UTC. Each row is a customer with the
 * attributes contract, internet_service and payment_method, acquired on the first day of the
 * month `tenure` months before 2020-01 (tenure 0: acquired on 2020-01-01, after the snapshot).
 * It pays MonthlyCharges (USD) on the first day of every month from its acquisition through
 * 2019-12 (order ids "customerID-YYYY-MM"). Churn = Yes is a churn on 2019-12-31, the snapshot
 * date, so the final month of the data is December 2019.
 */
final class TelcoDataset {

  static final YearMonth AFTER_SNAPSHOT = YearMonth.of(2020, 1);
  static final Instant CHURN_TIME = Instant.parse("2019-12-31T00:00:00Z");

  private TelcoDataset() {}

  static String load(Reader reader, ApiWriter writer) throws IOException {
    List<Customer> customers = new ArrayList<>();
    List<Purchase> purchases = new ArrayList<>();
    List<LifecycleEvent> churns = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    for (CSVRecord row : format.parse(reader)) {
      String id = row.get("customerID");
      int tenure = Integer.parseInt(row.get("tenure").trim());
      YearMonth acquired = AFTER_SNAPSHOT.minusMonths(tenure);
      customers.add(Customer.newBuilder().setCustomerId(id).setAcquireTime(ApiWriter.timestamp(start(acquired)))
          .putAttributes("contract", row.get("Contract"))
          .putAttributes("internet_service", row.get("InternetService"))
          .putAttributes("payment_method", row.get("PaymentMethod")).build());
      for (YearMonth month = acquired; month.isBefore(AFTER_SNAPSHOT); month = month.plusMonths(1)) {
        purchases.add(Purchase.newBuilder().setOrderId(id + "-" + month).setCustomerId(id)
            .setPurchaseTime(ApiWriter.timestamp(start(month)))
            .setAmount(Money.newBuilder().setCurrencyCode("USD").setAmount(row.get("MonthlyCharges").trim())).build());
      }
      if (row.get("Churn").equals("Yes")) {
        churns.add(LifecycleEvent.newBuilder().setCustomerId(id).setType(LifecycleEventType.LIFECYCLE_EVENT_TYPE_CHURNED)
            .setEventTime(ApiWriter.timestamp(CHURN_TIME)).build());
      }
    }
    writer.upsertCustomers(customers);
    writer.recordPurchases(purchases);
    writer.recordEvents(churns);
    return String.format("telco: %d customers, %d monthly purchases, %d churns", customers.size(), purchases.size(),
        churns.size());
  }

  private static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
