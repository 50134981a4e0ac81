package io.cskpi.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads purchase files into rows: the CDNOW transaction log, or a CSV with the header
 * order_id,customer_id,purchase_time,amount,currency. Lines that cannot be read are counted by
 * reason, not sent.
 */
final class PurchaseRows {

  /** One purchase as read from a file. */
  record Row(String orderId, String customerId, Instant time, String amount, String currency) {}

  /** Rows and the lines rejected, counted by reason. */
  record Result(List<Row> rows, Map<String, Integer> rejected) {}

  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private PurchaseRows() {}

  /**
   * CDNOW_master.txt: "customer_id YYYYMMDD number_of_cds dollar_value", one header line. Order
   * ids are "L" and the line number, so a re-import sends the same ids; dates are local midnight.
   */
  static Result cdnow(Reader reader, ZoneId zone, String currency) throws IOException {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> rejected = new TreeMap<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String[] fields = line.trim().split("\\s+");
      if (number == 1 && fields[0].equals("customer_id")) {
        continue;
      }
      if (fields.length != 4) {
        count(rejected, "not 4 fields");
        continue;
      }
      try {
        Instant time = LocalDate.parse(fields[1], BASIC_DATE).atStartOfDay(zone).toInstant();
        rows.add(new Row("L" + number, fields[0], time, fields[3], currency));
      } catch (DateTimeParseException e) {
        count(rejected, "bad date");
      }
    }
    return new Result(rows, rejected);
  }

  /** A CSV with a header naming order_id, customer_id, purchase_time, amount and currency. */
  static Result csv(Reader reader, ZoneId zone) throws IOException {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> rejected = new TreeMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    for (CSVRecord record : format.parse(reader)) {
      if (!record.isConsistent()) {
        count(rejected, "wrong number of fields");
        continue;
      }
      Instant time = time(record.get("purchase_time"), zone);
      if (time == null) {
        count(rejected, "bad purchase_time");
        continue;
      }
      rows.add(new Row(record.get("order_id"), record.get("customer_id"), time, record.get("amount"),
          record.get("currency")));
    }
    return new Result(rows, rejected);
  }

  /** An instant (2011-01-01T08:26:00Z), a local date-time in the zone (2011-01-01 08:26), or a date. */
  static Instant time(String text, ZoneId zone) {
    try {
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void count(Map<String, Integer> rejected, String reason) {
    rejected.merge(reason, 1, Integer::sum);
  }

}
