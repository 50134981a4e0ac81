package io.cskpi.adapters.mysql;

import io.cskpi.domain.Segment;
import io.cskpi.domain.TenantId;
import io.cskpi.domain.kpi.predictive.BgNbdFitResult;
import io.cskpi.domain.kpi.predictive.BgNbdParameters;
import io.cskpi.domain.kpi.predictive.ClvHorizon;
import io.cskpi.domain.kpi.predictive.ClvModel;
import io.cskpi.domain.kpi.predictive.FitStatus;
import io.cskpi.domain.kpi.predictive.GammaGammaFitResult;
import io.cskpi.domain.kpi.predictive.GammaGammaParameters;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Rows of clv_models to and from {@link ClvModel}. */
final class ClvModelRows {

  private static final String COLUMNS = "model_id, calibration_end_date, segment_text, currency, horizon_months,"
      + " monthly_discount, create_time, customers, repeat_buyers, bg_r, bg_alpha, bg_a, bg_b, bg_se_r, bg_se_alpha,"
      + " bg_se_a, bg_se_b, bg_se_note, bg_log_likelihood, bg_iterations, bg_evaluations, gg_customers, gg_fitted,"
      + " gg_excluded, gg_p, gg_q, gg_gamma, gg_se_p, gg_se_q, gg_se_gamma, gg_se_note, gg_log_likelihood,"
      + " gg_correlation, gg_iterations, gg_evaluations";

  private ClvModelRows() {}

  static void insert(Connection connection, TenantId tenant, ClvModel model) throws SQLException {
    BgNbdFitResult bg = model.bgNbd();
    GammaGammaFitResult gg = model.gammaGamma();
    BgNbdParameters b = model.purchases();
    GammaGammaParameters g = model.spend();
    var bgErrors = bg.standardErrors();
    var ggErrors = gg.standardErrors();
    Sql sql = new Sql().add("INSERT INTO clv_models (tenant_id, " + COLUMNS + ") VALUES (?"
        + ", ?".repeat(35) + ")", tenant.value(), model.modelId(), model.calibrationEndDate(),
        segmentText(model.segment()), model.currencyCode(), model.horizon().periods(),
        model.horizon().discountPerPeriod(), model.createTime(), bg.customers(), bg.repeatBuyers(),
        b.r(), b.alpha(), b.a(), b.b(), bgErrors.map(e -> e.r()).orElse(null), bgErrors.map(e -> e.alpha()).orElse(null),
        bgErrors.map(e -> e.a()).orElse(null), bgErrors.map(e -> e.b()).orElse(null), bg.standardErrorNote(),
        bg.logLikelihood().getAsDouble(), bg.iterations(), bg.evaluations(), gg.customers(), gg.fitted(),
        gg.excludedNonPositiveMean(), g.p(), g.q(), g.gamma(), ggErrors.map(e -> e.p()).orElse(null),
        ggErrors.map(e -> e.q()).orElse(null), ggErrors.map(e -> e.gamma()).orElse(null), gg.standardErrorNote(),
        gg.logLikelihood().getAsDouble(),
        gg.frequencyValueCorrelation().isPresent() ? gg.frequencyValueCorrelation().getAsDouble() : null,
        gg.iterations(), gg.evaluations());
    try (PreparedStatement statement = sql.prepare(connection)) {
      statement.executeUpdate();
    }
  }

  static Optional<ClvModel> find(Connection connection, TenantId tenant, String modelId) throws SQLException {
    return read(connection, new Sql().add("SELECT " + COLUMNS + " FROM clv_models WHERE tenant_id = ? AND model_id = ?",
        tenant.value(), modelId)).stream().findFirst();
  }

  static List<ClvModel> list(Connection connection, TenantId tenant, String after, int limit) throws SQLException {
    return read(connection, new Sql().add("SELECT " + COLUMNS + " FROM clv_models WHERE tenant_id = ? AND model_id > ?"
        + " ORDER BY model_id LIMIT ?", tenant.value(), after, limit));
  }

  private static List<ClvModel> read(Connection connection, Sql sql) throws SQLException {
    List<ClvModel> models = new ArrayList<>();
    try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        models.add(model(rows));
      }
    }
    return models;
  }

  private static ClvModel model(ResultSet rows) throws SQLException {
    Optional<BgNbdFitResult.StandardErrors> bgErrors = rows.getObject("bg_se_r") == null ? Optional.empty()
        : Optional.of(new BgNbdFitResult.StandardErrors(rows.getDouble("bg_se_r"), rows.getDouble("bg_se_alpha"),
            rows.getDouble("bg_se_a"), rows.getDouble("bg_se_b")));
    BgNbdFitResult bg = new BgNbdFitResult(FitStatus.CONVERGED, "", rows.getInt("customers"),
        rows.getInt("repeat_buyers"), Optional.of(new BgNbdParameters(rows.getDouble("bg_r"),
            rows.getDouble("bg_alpha"), rows.getDouble("bg_a"), rows.getDouble("bg_b"))), bgErrors,
        rows.getString("bg_se_note"), OptionalDouble.of(rows.getDouble("bg_log_likelihood")),
        rows.getInt("bg_iterations"), rows.getInt("bg_evaluations"));
    Optional<GammaGammaFitResult.StandardErrors> ggErrors = rows.getObject("gg_se_p") == null ? Optional.empty()
        : Optional.of(new GammaGammaFitResult.StandardErrors(rows.getDouble("gg_se_p"), rows.getDouble("gg_se_q"),
            rows.getDouble("gg_se_gamma")));
    double correlation = rows.getDouble("gg_correlation");
    OptionalDouble correlationValue = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(correlation);
    GammaGammaFitResult gg = new GammaGammaFitResult(FitStatus.CONVERGED, "", rows.getInt("gg_customers"),
        rows.getInt("gg_fitted"), rows.getInt("gg_excluded"), Optional.of(new GammaGammaParameters(
            rows.getDouble("gg_p"), rows.getDouble("gg_q"), rows.getDouble("gg_gamma"))), ggErrors,
        rows.getString("gg_se_note"), OptionalDouble.of(rows.getDouble("gg_log_likelihood")), correlationValue,
        rows.getInt("gg_iterations"), rows.getInt("gg_evaluations"));
    return new ClvModel(rows.getString("model_id"), rows.getObject("calibration_end_date", LocalDate.class),
        segment(rows.getString("segment_text")), rows.getString("currency"),
        ClvHorizon.months(rows.getInt("horizon_months"), rows.getDouble("monthly_discount")),
        Jdbc.instant(rows, "create_time"), bg, gg);
  }

  /** "key=v1,v2;key2=v3", every key and value percent-encoded. */
  static String segmentText(Segment segment) {
    return segment.filters().stream().map(f -> encode(f.key()) + "="
        + f.values().stream().sorted().map(ClvModelRows::encode).collect(Collectors.joining(",")))
        .collect(Collectors.joining(";"));
  }

  static Segment segment(String text) {
    if (text.isEmpty()) {
      return Segment.everyone();
    }
    List<Segment.AttributeFilter> filters = new ArrayList<>();
    for (String part : text.split(";")) {
      String[] keyValues = part.split("=", 2);
      filters.add(new Segment.AttributeFilter(decode(keyValues[0]),
          Arrays.stream(keyValues[1].split(",")).map(ClvModelRows::decode).collect(Collectors.toSet())));
    }
    return new Segment(filters);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
