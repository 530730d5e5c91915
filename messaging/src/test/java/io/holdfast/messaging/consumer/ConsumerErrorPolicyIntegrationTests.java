package io.holdfast.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * The shared error policy on a real broker, wired exactly as the services get it (auto-configuration, Boot's listener
 * container factory): a record whose handler keeps failing for a transient reason is applied once the cause is gone
 * and never reaches the dead-letter topic; a rejected record and undecodable bytes go to the dead-letter topic at once
 * and the partition moves on.
 */
@SpringBootTest(classes = ConsumerErrorPolicyIntegrationTests.App.class, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.kafka.consumer.group-id=policy-tests",
    "spring.kafka.consumer.auto-offset-reset=earliest",
    "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
    "spring.kafka.consumer.value-deserializer=org.springframework.kafka.support.serializer.ErrorHandlingDeserializer",
    "spring.kafka.consumer.properties.spring.deserializer.value.delegate.class="
            + "io.holdfast.messaging.consumer.ConsumerErrorPolicyIntegrationTests$StrictBytes",
    "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
    "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
    "holdfast.messaging.consumer.retry.initial-interval=20ms",
    "holdfast.messaging.consumer.retry.max-interval=100ms"})
@EmbeddedKafka(partitions = 1, topics = {"policy.in", "policy.in.DLT"})
class ConsumerErrorPolicyIntegrationTests {

    /** Bytes starting with 0xFF cannot be decoded: a poison record. */
    public static final class StrictBytes implements Deserializer<byte[]> {
        @Override
        public byte[] deserialize(String topic, byte[] data) {
            if (data != null && data.length > 0 && data[0] == (byte) 0xFF) {
                throw new SerializationException("undecodable");
            }
            return data;
        }
    }

    static final class Rejected extends PermanentRecordException {
        private static final long serialVersionUID = 1L;

        Rejected(String what) {
            super("rejected " + what);
        }
    }

    /** A listener whose "database" is down for the first {@code failures} deliveries of a record. */
    static final class Handler {
        final List<String> applied = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        volatile int outageDeliveries;

        @KafkaListener(id = "policy", topics = "policy.in")
        void on(byte[] value) {
            String v = new String(value, StandardCharsets.UTF_8);
            int attempt = attempts.computeIfAbsent(v, k -> new AtomicInteger()).incrementAndGet();
            if (v.startsWith("reject")) {
                throw new Rejected(v);
            }
            if (v.startsWith("outage") && attempt <= outageDeliveries) {
                throw new IllegalStateException("database unavailable",
                        new java.net.ConnectException("Connection refused"));
            }
            applied.add(v);
        }
    }

    @SpringBootApplication
    static class App {
        @Bean
        Handler handler() {
            return new Handler();
        }
    }

    @Autowired
    Handler handler;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ConsumerRetryTracker tracker;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void transientFailuresAreRetriedUntilTheyEndAndOnlyWhatCanNeverSucceedIsDeadLettered() throws Exception {
        // far more failed deliveries than either service's old budget (6 retries / 60 s) allowed
        handler.outageDeliveries = 40;
        send("outage-1");
        send("after-outage");
        await().atMost(Duration.ofSeconds(30)).until(() -> tracker.longestRetry().compareTo(Duration.ZERO) > 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> handler.applied.contains("after-outage"));
        assertThat(handler.applied).containsExactly("outage-1", "after-outage");
        assertThat(handler.attempts.get("outage-1")).hasValue(41);
        assertThat(tracker.longestRetry()).isEqualTo(Duration.ZERO);

        kafka.send(new ProducerRecord<>("policy.in", "k", new byte[] {(byte) 0xFF, 1, 2})).get();
        send("reject-1");
        send("after-poison");
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.applied.contains("after-poison"));
        assertThat(handler.attempts.get("reject-1")).hasValue(1);

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(2);
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactly(new byte[] {(byte) 0xFF, 1, 2}, "reject-1".getBytes(StandardCharsets.UTF_8));
        assertThat(handler.applied).doesNotContain("reject-1");
    }

    private void send(String value) throws Exception {
        kafka.send("policy.in", "k", value.getBytes(StandardCharsets.UTF_8)).get();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader", false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("policy.in.DLT"));
            List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            return records;
        }
    }
}
