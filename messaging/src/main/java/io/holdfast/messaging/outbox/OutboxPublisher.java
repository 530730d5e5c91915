package io.holdfast.messaging.outbox;

import reactor.core.publisher.Mono;

/** Sends one outbox row; the Mono completes when the broker acknowledged it (acks=all) and errors when it did not. */
@FunctionalInterface
public interface OutboxPublisher {

    Mono<Void> publish(OutboxMessage message);
}
