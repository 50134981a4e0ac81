package io.cskpi.domain.kpi.predictive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The 2,357 CDNOW customers of src/test/resources/cdnow (ID, x, t_x, T, zbar), in file order. */
final class CdnowSample {

  /** Fader, Hardie &amp; Lee (2005), rounded to 3 decimals. */
  static final BgNbdParameters PUBLISHED = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
  /**
   * The maximum on this file to 6 digits, lifetimes' BetaGeoFitter summary (se 0.012557, 0.378221,
   * 0.185719, 0.705345). CLVTools, which builds (x, tx, T) from the transactions without rounding tx to
   * 2 decimals, gets 0.2425945, 4.4136019, 0.7929199, 2.4258881 and ln L = -9582.429.
   */
  static final BgNbdParameters MAXIMUM = new BgNbdParameters(0.242593, 4.413532, 0.792886, 2.425752);

  private static List<CustomerHistory> customers;

  private CdnowSample() {}

  static synchronized List<CustomerHistory> customers() {
    if (customers == null) {
      customers = List.copyOf(read());
    }
    return customers;
  }

  private static List<CustomerHistory> read() {
    var stream = Objects.requireNonNull(CdnowSample.class.getResourceAsStream(
        "/cdnow/cdnow_customers_summary_with_transactions.csv"), "CDNOW resource");
    List<CustomerHistory> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (!"ID,x,t_x,T,zbar".equals(header)) {
        throw new IllegalStateException("unexpected header " + header);
      }
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.trim().split(",");
        rows.add(new CustomerHistory(Integer.parseInt(cells[1]), Double.parseDouble(cells[2]),
            Double.parseDouble(cells[3]), Double.parseDouble(cells[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
