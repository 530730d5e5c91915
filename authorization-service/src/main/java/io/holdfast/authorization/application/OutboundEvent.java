package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An event on its way to payments.events, with its envelope: written to the outbox in the transaction that decided
 * it, published later by the relay.
 *
 * @param eventId the outbox row id, also the event's id for consumer deduplication
 */
public record OutboundEvent(UUID eventId, String paymentRequestId, String paymentId, String merchantId,
        Instant occurredAt, String causationId, DomainEvent payload) {
}
