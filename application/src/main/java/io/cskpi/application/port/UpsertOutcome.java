package io.cskpi.application.port;

/** What an upsert batch did. */
public record UpsertOutcome(int created, int updated) {}
