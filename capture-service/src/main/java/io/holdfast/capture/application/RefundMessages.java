package io.holdfast.capture.application;

import io.holdfast.capture.domain.RefundEvent;
import java.time.Instant;
import java.util.UUID;

/** Encodes a refund event as the wire message the outbox stores (implemented by the Kafka adapter's mapper). */
public interface RefundMessages {

    /** Encodes {@code event} as the envelope with id {@code id}. */
    OutboundMessages.Message encode(UUID id, RefundEvent event, String merchantId, String causationId,
            Instant occurredAt);
}
