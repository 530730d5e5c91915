package io.holdfast.authorization.it;

import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.core.LedgerEntry;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.serde.AvroSerdeConfig;
import io.holdfast.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Stimulate the service through Kafka, then wait for its state and events ("stimulate, await, verify"). */
final class Scenario implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final KafkaProducer<String, SpecificRecord> avro;
    private final KafkaProducer<String, byte[]> raw;
    private final String bootstrapServers;
    private final PaymentQueries queries;
    private final TestBeans.Published published;

    Scenario(String bootstrapServers, PaymentQueries queries, TestBeans.Published published) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, TestInfrastructure.get().registry.url());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.avro = new KafkaProducer<>(props, new StringSerializer(), serializer(props));
        this.raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.bootstrapServers = bootstrapServers;
        this.queries = queries;
        this.published = published;
    }

    private static AvroSerializer<SpecificRecord> serializer(Properties props) {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                props.getProperty(AvroSerdeConfig.SCHEMA_REGISTRY_URL)), false);
        return serializer;
    }

    void send(PaymentCommand command) throws Exception {
        avro.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, command.getPaymentRequestId(), command)).get(10, TimeUnit.SECONDS);
    }

    /** A command under a key of the test's choosing (a hostile record's own paymentRequestId may be unusable). */
    void sendKeyed(String key, PaymentCommand command) throws Exception {
        avro.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, key, command)).get(10, TimeUnit.SECONDS);
    }

    void send(AlipayNotification notification, String paymentId) throws Exception {
        avro.send(new ProducerRecord<>(Topics.ALIPAY_NOTIFICATIONS, paymentId, notification)).get(10, TimeUnit.SECONDS);
    }

    /** Sends without waiting for the broker; {@link #flush} before relying on it. */
    void sendAsync(String topic, String key, SpecificRecord value) {
        avro.send(new ProducerRecord<>(topic, key, value));
    }

    void sendRawAsync(String topic, String key, byte[] value) {
        raw.send(new ProducerRecord<>(topic, key, value));
    }

    void flush() {
        avro.flush();
        raw.flush();
    }

    void sendRaw(String key, byte[] value) throws Exception {
        raw.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, key, value)).get(10, TimeUnit.SECONDS);
    }

    PaymentQueries.PaymentView awaitStatus(String paymentRequestId, PaymentStatus status) {
        return await().atMost(WAIT).until(() -> queries.find(paymentRequestId).block(),
                view -> view != null && view.payment().status() == status);
    }

    /** Waits until the payment's events on payments.events are exactly of these payload types, in order. */
    List<PaymentEvent> awaitEvents(String paymentRequestId, Class<?>... payloadTypes) {
        await().atMost(WAIT).until(() -> published.eventsFor(paymentRequestId).size() >= payloadTypes.length);
        List<PaymentEvent> events = published.eventsFor(paymentRequestId);
        org.assertj.core.api.Assertions.assertThat(events).extracting(e -> (Object) e.getPayload().getClass())
                .containsExactly((Object[]) payloadTypes);
        return events;
    }

    List<PaymentEvent> eventsFor(String paymentRequestId) {
        return published.eventsFor(paymentRequestId);
    }

    /** The sandbox's ledger entries for a payment (what really happened at "Antom"). */
    static List<LedgerEntry> ledger(String paymentRequestId, LedgerOperation operation) {
        return TestInfrastructure.get().sandbox.control().ledger().stream()
                .filter(e -> paymentRequestId.equals(e.paymentRequestId()) && e.operation() == operation).toList();
    }

    /** Pay calls that created a payment at the sandbox (replays excluded): must be exactly one per payment. */
    static long authorizationsCreated(String paymentRequestId) {
        return ledger(paymentRequestId, LedgerOperation.PAY).stream().filter(e -> !e.replay()).count();
    }

    /** Waits until the service's consumer group has consumed everything published to {@code topic} so far. */
    void awaitConsumed(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
            await().atMost(WAIT).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("authorization-service")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() >= end;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        avro.close();
        raw.close();
    }
}
