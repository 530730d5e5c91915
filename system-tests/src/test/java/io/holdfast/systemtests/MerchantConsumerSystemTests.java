package io.holdfast.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.PaymentEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A merchant integration written from the README alone: a plain KafkaProducer and KafkaConsumer, Holdfast's
 * schemas jar for the generated classes and the serde, and {@code schema.registry.url}. Nothing else.
 */
class MerchantConsumerSystemTests {

    @Test
    void a_merchant_publishes_a_command_and_follows_its_payment_on_payments_events() throws Exception {
        TestStack test = TestStack.requireAll();
        String bootstrap = test.stack().bootstrapServers();
        String registry = test.stack().registryUrl();
        String paymentRequestId = Merchant.paymentRequestId("merchant");
        PaymentCommand authorize = test.merchant().commands().authorize(paymentRequestId, new Money(25_00L, "EUR"),
                CaptureMode.AUTOMATIC, test.merchant().card(), "ORDER-7731", null);

        Properties producerConfig = new Properties();
        producerConfig.put("bootstrap.servers", bootstrap);
        producerConfig.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producerConfig.put("value.serializer", "io.holdfast.schemas.serde.AvroSerializer");
        producerConfig.put("schema.registry.url", registry);
        producerConfig.put("acks", "all");
        try (KafkaProducer<String, PaymentCommand> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>("payments.commands", paymentRequestId, authorize)).get();
        }

        Properties consumerConfig = new Properties();
        consumerConfig.put("bootstrap.servers", bootstrap);
        consumerConfig.put("group.id", "merchant-shop-" + paymentRequestId);
        consumerConfig.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        consumerConfig.put("value.deserializer", "io.holdfast.schemas.serde.AvroDeserializer");
        consumerConfig.put("schema.registry.url", registry);
        consumerConfig.put("auto.offset.reset", "earliest");
        List<PaymentEvent> mine = new ArrayList<>();
        try (KafkaConsumer<String, PaymentEvent> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of("payments.events"));
            await().atMost(Merchant.FLOW_STEP).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, PaymentEvent> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.key().equals(paymentRequestId)) {
                        mine.add(record.value());
                    }
                }
                return mine.stream().anyMatch(event -> event.getPayload() instanceof CaptureSucceeded);
            });
        }

        assertThat(mine).allSatisfy(event -> {
            assertThat(event.getPaymentRequestId()).isEqualTo(paymentRequestId);
            assertThat(event.getEventId()).isNotBlank();
        });
        assertThat(mine).extracting(event -> event.getPayload().getClass().getSimpleName())
                .containsSubsequence("PaymentAuthorized", "CaptureSucceeded");
        CaptureSucceeded captured = mine.stream().map(PaymentEvent::getPayload).filter(CaptureSucceeded.class::isInstance)
                .map(CaptureSucceeded.class::cast).findFirst().orElseThrow();
        assertThat(captured.getAmount()).isEqualTo(new Money(25_00L, "EUR"));
    }
}
