package io.cskpi.domain.kpi.feedback;

/**
 * A theme of a comment: a keyword or a two-word phrase after stop-word removal and stemming in the
 * comment's language, so inflections merge (one {@code key}, "tall pequeñ", for "tallas pequeñas" and
 * "talla pequeña"), with the words as the comment wrote them ({@code text}) for people to read.
 *
 * @param key the stemmed form; at most 128 characters
 * @param text the surface form in this comment, lower case; at most 128 characters
 */
public record Theme(String key, String text) {}
