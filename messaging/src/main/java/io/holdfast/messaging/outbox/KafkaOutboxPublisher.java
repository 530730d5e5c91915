package io.holdfast.messaging.outbox;

import io.holdfast.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends outbox rows with a {@link KafkaTemplate} (acks=all, idempotent producer), with headers {@code eventId} (the
 * row id) and {@code eventType}. A service's rows hold Avro binary: {@link #storedAvro} sends those bytes as they are,
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

    /**
     * A publisher that sends each row's stored Avro binary as it is: framed with the id of its writer schema under the
     * subject {@code <topic>-value}, exactly as the services' {@link AvroSerializer} frames the record the bytes encode
     * (registry, auto-registration and timeouts from {@code producers}' configuration). Its producer is made from
     * {@code producers} with a byte-array value serializer.
     *
     * @param producers the service's producer factory (acks, idempotence, {@code schema.registry.url})
     * @param stored reads a row's payload as Avro binary and its writer schema; throws for a payload it cannot vouch
     *     for (the row then holds back its key, as a failed send does)
     */
    public static KafkaOutboxPublisher<byte[]> storedAvro(ProducerFactory<?, ?> producers,
            Function<OutboxMessage, AvroBinary> stored) {
        AvroSerializer<SpecificRecord> framing = new AvroSerializer<>();
        framing.configure(producers.getConfigurationProperties(), false);
        @SuppressWarnings("unchecked")
        ProducerFactory<String, byte[]> bytes = (ProducerFactory<String, byte[]>) producers;
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(bytes,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        return new KafkaOutboxPublisher<>(template, message -> {
            AvroBinary avro = stored.apply(message);
            return framing.frame(message.topic(), avro.schema(), avro.binary());
        });
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
