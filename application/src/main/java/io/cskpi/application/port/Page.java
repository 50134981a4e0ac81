package io.cskpi.application.port;

import java.util.List;

/** One page of a list and the token of the next one ("" on the last page). */
public record Page<T>(List<T> items, String nextToken) {}
