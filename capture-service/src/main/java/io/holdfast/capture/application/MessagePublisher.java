package io.holdfast.capture.application;

import reactor.core.publisher.Mono;

/** Port: publishes one outbox message and completes when the broker acknowledged it (acks=all). */
public interface MessagePublisher {

    /** Publishes; errors when the broker did not acknowledge. */
    Mono<Void> publish(OutboxStore.StoredMessage message);
}
