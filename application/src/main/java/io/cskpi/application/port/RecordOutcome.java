package io.cskpi.application.port;

/** What an idempotent batch did: records stored now, and identical ones that were stored before. */
public record RecordOutcome(int recorded, int alreadyRecorded) {}
