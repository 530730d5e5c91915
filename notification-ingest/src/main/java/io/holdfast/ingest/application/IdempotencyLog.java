package io.holdfast.ingest.application;

import java.util.concurrent.CompletableFuture;

/**
 * Port: the idempotency records shared by all edge replicas (a compacted Kafka topic). Appending completes when the
 * broker confirmed the record; reading (into the {@link IdempotencyStore}) is the adapter's own loop.
 */
public interface IdempotencyLog {

    CompletableFuture<Void> append(IdempotencyRecord record);
}
