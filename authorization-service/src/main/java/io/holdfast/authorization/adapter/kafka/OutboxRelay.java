package io.holdfast.authorization.adapter.kafka;

import io.holdfast.authorization.adapter.db.OutboxRecord;
import io.holdfast.authorization.adapter.db.R2dbcOutbox;
import io.holdfast.schemas.event.PaymentEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes outbox rows to Kafka in order (at least once: a crash after the send and before the commit publishes a
 * row again; consumers deduplicate on eventId, which is also sent as the {@code eventId} header).
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final R2dbcOutbox outbox;
    private final KafkaTemplate<String, PaymentEvent> kafka;
    private final AvroEventCodec codec;
    private final Clock clock;
    private final int batchSize;

    public OutboxRelay(R2dbcOutbox outbox, KafkaTemplate<String, PaymentEvent> kafka, AvroEventCodec codec,
            Clock clock, int batchSize) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.codec = codec;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Relays until the outbox is empty; returns how many events were published. */
    public Mono<Integer> drain() {
        return Mono.defer(() -> outbox.relay(batchSize, clock.instant(), this::publish))
                .expand(count -> count == batchSize ? outbox.relay(batchSize, clock.instant(), this::publish)
                        : Mono.empty())
                .reduce(0, Integer::sum)
                .onErrorResume(error -> {
                    log.warn("outbox relay failed; rows stay pending and are resubmitted", error);
                    return outbox.recordFailure(clock.instant()).onErrorResume(e -> Mono.empty()).thenReturn(0);
                });
    }

    private Mono<Void> publish(List<OutboxRecord> batch) {
        CompletableFuture<?>[] sends = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(sends));
    }

    private CompletableFuture<?> send(OutboxRecord record) {
        String key = record.key() == null || record.key().isEmpty() ? null : record.key();
        ProducerRecord<String, PaymentEvent> message = new ProducerRecord<>(record.topic(), key,
                codec.decode(record.payload()));
        message.headers().add("eventId", record.id().toString().getBytes(StandardCharsets.UTF_8));
        message.headers().add("eventType", record.eventType().getBytes(StandardCharsets.UTF_8));
        return kafka.send(message);
    }
}
