package io.holdfast.authorization.adapter.db;

import java.util.UUID;

/** A pending outbox row, as the relay publishes it. */
public record OutboxRecord(UUID id, String topic, String key, String eventType, byte[] payload) {
}
