package io.holdfast.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.schemas.Fixtures;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import io.holdfast.schemas.serde.AvroDeserializer;
import io.holdfast.schemas.serde.AvroSerializer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's broker is a real Kafka: a merchant-style producer and consumer, configured the way a merchant
 * would (bootstrap servers, the schemas jar and schema.registry.url), exchange a command through it, and the
 * record survives a broker restart on the same data directory.
 */
class LocalKafkaTests {

    @Test
    void a_command_round_trips_through_a_real_broker_and_survives_a_restart(@TempDir Path dir) throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort()) {
            try (LocalKafka kafka = LocalKafka.start("localhost", port, controllerPort, dir)) {
                kafka.createTopics(List.of(Topics.PAYMENTS_COMMANDS), 3);
                try (KafkaProducer<String, PaymentCommand> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", "true",
                        "schema.registry.url", registry.url()), new StringSerializer(), serializer(registry))) {
                    producer.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, "PAY-1", Fixtures.authorizeManual())).get();
                }
            }
            try (LocalKafka restarted = LocalKafka.start("localhost", port, controllerPort, dir);
                 KafkaConsumer<String, PaymentCommand> consumer = new KafkaConsumer<>(Map.of(
                         "bootstrap.servers", restarted.bootstrapServers(), "group.id", "merchant",
                         "auto.offset.reset", "earliest"), new StringDeserializer(), deserializer(registry))) {
                consumer.subscribe(List.of(Topics.PAYMENTS_COMMANDS));
                PaymentCommand received = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, PaymentCommand> records = consumer.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        received = records.iterator().next().value();
                    }
                }
                assertThat(received).isEqualTo(Fixtures.authorizeManual());
            }
        }
    }

    private static AvroSerializer<PaymentCommand> serializer(EmbeddedSchemaRegistry registry) {
        AvroSerializer<PaymentCommand> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.url()), false);
        return serializer;
    }

    private static AvroDeserializer<PaymentCommand> deserializer(EmbeddedSchemaRegistry registry) {
        AvroDeserializer<PaymentCommand> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of("schema.registry.url", registry.url()), false);
        return deserializer;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
