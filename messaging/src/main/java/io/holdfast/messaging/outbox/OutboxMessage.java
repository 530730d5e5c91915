package io.holdfast.messaging.outbox;

import java.util.UUID;

/**
 * An unpublished outbox row, as the relay hands it to an {@link OutboxPublisher}.
 *
 * @param id the event id
 * @param seq its position in commit order
 * @param topic the destination
 * @param key the Kafka key; empty for none
 * @param type the event type name
 * @param payload the encoded record
 */
public record OutboxMessage(UUID id, long seq, String topic, String key, String type, byte[] payload) {

    /** The Kafka key, or null when the row has none. */
    public String kafkaKey() {
        return key == null || key.isEmpty() ? null : key;
    }
}
