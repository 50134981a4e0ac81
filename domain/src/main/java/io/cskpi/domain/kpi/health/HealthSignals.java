package io.cskpi.domain.kpi.health;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of health signals. Built-in signals are derived from the data the service holds, as
 * of the end of the scoring date; every other name is a signal that clients push.
 */
public final class HealthSignals {

  /** Whole local days from the customer's last purchase (refunds left out) to the scoring date. */
  public static final String DAYS_SINCE_LAST_PURCHASE = "days_since_last_purchase";
  /** Purchases (refunds left out) in the 90 x 24 hours before the end of the scoring date. */
  public static final String PURCHASES_LAST_90_DAYS = "purchases_last_90_days";
  /** The score of the customer's latest answered NPS response, 0-10. */
  public static final String LATEST_NPS = "latest_nps";
  /** The customer's latest answered CSAT score as a share of its survey's scale, 0-1. */
  public static final String LATEST_CSAT_SHARE = "latest_csat_share";

  public static final List<String> BUILT_IN = List.of(DAYS_SINCE_LAST_PURCHASE, PURCHASES_LAST_90_DAYS, LATEST_NPS,
      LATEST_CSAT_SHARE);

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private HealthSignals() {}

  public static boolean isBuiltIn(String signal) {
    return BUILT_IN.contains(signal);
  }

  /** Lower-case letters, digits and underscores, starting with a letter, at most 64 characters. */
  public static boolean isValidName(String signal) {
    return NAME.matcher(signal).matches();
  }
}
