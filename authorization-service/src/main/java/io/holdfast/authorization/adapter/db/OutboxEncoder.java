package io.holdfast.authorization.adapter.db;

import io.holdfast.authorization.application.OutboundEvent;

/** Turns an outbound event into the outbox row's payload (the wire encoding is the Kafka adapter's business). */
public interface OutboxEncoder {

    /** The event's type name, e.g. {@code PaymentAuthorized}. */
    String eventType(OutboundEvent event);

    /** The bytes to keep until the relay publishes them. */
    byte[] encode(OutboundEvent event);
}
