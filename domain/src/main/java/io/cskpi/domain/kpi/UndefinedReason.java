package io.cskpi.domain.kpi;

/** Why a KPI has no value; {@link #NONE} when it has one. Never report 0 for undefined. */
public enum UndefinedReason { NONE, NO_DATA, ZERO_DENOMINATOR }
