package io.holdfast.messaging.testing;

import io.holdfast.schemas.serde.AvroDeserializer;
import io.holdfast.schemas.serde.AvroSerdeConfig;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Consumers for tests that read what the services published, as a merchant's consumer would. */
public final class TestConsumers {

    private TestConsumers() {
    }

    /**
     * A consumer of Avro records in a group of its own (named {@code groupPrefix-<uuid>}), reading each topic it is
     * subscribed to from the beginning, through the schema registry at {@code registryUrl}.
     */
    public static <V> KafkaConsumer<String, V> avroFromTheBeginning(String bootstrap, String registryUrl,
            String groupPrefix) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
    }
}
