package io.holdfast.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends outbox rows with a {@link KafkaTemplate} (acks=all, idempotent producer), with headers {@code eventId} (the
 * row id) and {@code eventType}. A service's rows hold Avro binary: {@code messaging.avro.StoredAvro} sends those bytes as they are,
 * in the contract's Confluent framing (the bytes the registry-aware serializer would write for the decoded record,
 * without decoding and re-encoding them); the constructor's {@code decoder} maps a row to any value the template
 * serializes.
 *
 * <p>The send is made on a worker thread, never on the thread that completed the previous send: the relay sends a
 * key's next row when the previous one is acknowledged, and that acknowledgement arrives on the producer's network
 * thread. {@code send} to a topic the producer has no metadata for yet waits for the network thread to fetch it; made
 * from that same thread it would block it for {@code max.block.ms} (60 s) and then fail.
 *
 * @param <V> the template's value type
 */
public final class KafkaOutboxPublisher<V> implements OutboxPublisher {

    public static final String EVENT_ID_HEADER = "eventId";
    public static final String EVENT_TYPE_HEADER = "eventType";

    private final KafkaTemplate<String, V> kafka;
    private final Function<OutboxMessage, V> decoder;

    public KafkaOutboxPublisher(KafkaTemplate<String, V> kafka, Function<OutboxMessage, V> decoder) {
        this.kafka = kafka;
        this.decoder = decoder;
    }

    @Override
    public Mono<Void> publish(OutboxMessage message) {
        return Mono.defer(() -> {
            ProducerRecord<String, V> record = new ProducerRecord<>(message.topic(), message.kafkaKey(),
                    decoder.apply(message));
            record.headers().add(EVENT_ID_HEADER, message.id().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EVENT_TYPE_HEADER, message.type().getBytes(StandardCharsets.UTF_8));
            return Mono.fromFuture(kafka.send(record));
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
