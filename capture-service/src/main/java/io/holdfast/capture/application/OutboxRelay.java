package io.holdfast.capture.application;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes outbox rows in order, at least once: a batch is locked (so replicas do not publish the same rows),
 * sent, and marked published only after every record was acknowledged.
 */
public final class OutboxRelay {

    private static final int IN_FLIGHT = 32;

    private final Transactions tx;
    private final OutboxStore store;
    private final MessagePublisher publisher;
    private final int batch;

    public OutboxRelay(Transactions tx, OutboxStore store, MessagePublisher publisher, int batch) {
        this.tx = tx;
        this.store = store;
        this.publisher = publisher;
        this.batch = batch;
    }

    /** One pass: the number of messages published. */
    public Mono<Integer> relayOnce() {
        return tx.inTransaction(store.lockUnpublished(batch).collectList().flatMap(messages -> {
            if (messages.isEmpty()) {
                return Mono.just(0);
            }
            List<UUID> ids = messages.stream().map(OutboxStore.StoredMessage::id).toList();
            // sent in order without waiting for each ack (the idempotent producer keeps per-partition order)
            return Flux.fromIterable(messages).flatMapSequential(publisher::publish, IN_FLIGHT)
                    .then(store.markPublished(ids))
                    .thenReturn(messages.size());
        }));
    }
}
