package io.holdfast.localstack.merchant;

import io.holdfast.localstack.Endpoints;
import java.util.Properties;

/**
 * Kafka client configuration exactly as a merchant writes it: bootstrap servers, String keys, Holdfast's Avro serde
 * from the schemas jar, and {@code schema.registry.url}. Nothing else from Holdfast is needed.
 */
public final class MerchantKafka {

    private MerchantKafka() {
    }

    /** For a {@code KafkaProducer<String, PaymentCommand>} on payments.commands. */
    public static Properties producer(Endpoints endpoints) {
        Properties props = new Properties();
        props.put("bootstrap.servers", endpoints.bootstrapServers());
        props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("value.serializer", "io.holdfast.schemas.serde.AvroSerializer");
        props.put("schema.registry.url", endpoints.registryUrl());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("linger.ms", "1");
        return props;
    }

    /** For a {@code KafkaConsumer<String, PaymentEvent>} on payments.events, reading from the beginning. */
    public static Properties consumer(Endpoints endpoints, String groupId) {
        Properties props = new Properties();
        props.put("bootstrap.servers", endpoints.bootstrapServers());
        props.put("group.id", groupId);
        props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        props.put("value.deserializer", "io.holdfast.schemas.serde.AvroDeserializer");
        props.put("schema.registry.url", endpoints.registryUrl());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "true");
        return props;
    }
}
