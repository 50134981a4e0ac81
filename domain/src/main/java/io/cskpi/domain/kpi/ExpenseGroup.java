package io.cskpi.domain.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The sum of the expenses of one category and currency over one service interval (end inclusive). */
public record ExpenseGroup(String category, String currencyCode, LocalDate serviceStart, LocalDate serviceEnd,
    BigDecimal total) {}
