package io.holdfast.messaging.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A row to append to the outbox, in the transaction of the state change that decided it.
 *
 * @param id the event id (unique; consumers deduplicate on it)
 * @param topic where the relay sends it
 * @param key the Kafka key, the unit of ordering (paymentRequestId); null or empty for none
 * @param type the event type name (header {@code eventType})
 * @param payload the encoded record (the service's publisher decodes it back)
 * @param at when it was decided ({@code publication_date})
 */
public record OutboxEntry(UUID id, String topic, String key, String type, byte[] payload, Instant at) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
        key = key == null ? "" : key;
    }
}
