package io.holdfast.messaging.avro;

import io.holdfast.messaging.outbox.KafkaOutboxPublisher;
import io.holdfast.messaging.outbox.OutboxMessage;
import io.holdfast.schemas.serde.AvroSerializer;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The outbox publisher for rows that hold the contract's Avro binary (kept apart from the outbox package, which knows
 * no contract): the bytes are sent as they are, in the contract's Confluent framing.
 */
public final class StoredAvro {

    private StoredAvro() {
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
    public static KafkaOutboxPublisher<byte[]> publisher(ProducerFactory<?, ?> producers,
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
}
