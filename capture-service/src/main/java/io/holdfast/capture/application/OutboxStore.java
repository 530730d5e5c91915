package io.holdfast.capture.application;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the outbox as the relay sees it. */
public interface OutboxStore {

    /** A stored message: destination topic, key, and the Avro-encoded envelope. */
    record StoredMessage(UUID id, String topic, String key, String type, byte[] payload) {
    }

    /** Locks and returns the oldest unpublished messages ({@code FOR UPDATE SKIP LOCKED}); join a transaction. */
    Flux<StoredMessage> lockUnpublished(int batch);

    /** Marks messages published. */
    Mono<Void> markPublished(List<UUID> ids);
}
