package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureEvent;
import java.time.Instant;
import java.util.UUID;

/** Encodes a domain event as the wire message the outbox stores (implemented by the Kafka adapter's mapper). */
public interface OutboundMessages {

    /** Destination, key, type name and encoded envelope. */
    record Message(String topic, String key, String type, byte[] payload) {
    }

    /** Encodes {@code event} as the envelope with id {@code id}. */
    Message encode(UUID id, CaptureEvent event, String merchantId, String causationId, Instant occurredAt);
}
