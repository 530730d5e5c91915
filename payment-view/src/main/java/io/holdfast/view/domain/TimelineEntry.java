package io.holdfast.view.domain;

import java.time.Instant;

/**
 * One event of a payment's timeline, as the view keeps it: the envelope, the payload's type name and a JSON
 * rendering of it (for people), and the {@link Fact} the row is folded from.
 */
public record TimelineEntry(Envelope envelope, String type, String payloadJson, Fact fact) {

    /** The event envelope's fields. */
    public record Envelope(String eventId, String paymentRequestId, String paymentId, String merchantId,
            Instant occurredAt, String causationId) {
    }

    public String eventId() {
        return envelope.eventId();
    }

    public Instant occurredAt() {
        return envelope.occurredAt();
    }
}
