package io.holdfast.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.localstack.merchant.MerchantKafka;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The stack itself: Kafka with the registry for merchant clients, and the Antom sandbox as a separate process. */
class LocalStackSystemTests {

    @Test
    void a_merchant_producer_and_consumer_exchange_avro_records_through_the_stacks_kafka_and_registry() throws Exception {
        RunningStack stack = TestStack.require(LocalStack.SANDBOX).stack();
        String paymentRequestId = Merchant.paymentRequestId("kafka");
        Merchant merchant = TestStack.require(LocalStack.SANDBOX).merchant();
        // a command the services handle cleanly (the sandbox declines it), so the round trip disturbs no flow
        PaymentCommand command = merchant.commands().authorize(paymentRequestId, new Money(1_00L, "USD"),
                CaptureMode.AUTOMATIC, merchant.card(), "ORD-SANDBOX_DECLINE_DO_NOT_HONOR-" + paymentRequestId, null);
        try (KafkaProducer<String, PaymentCommand> producer = new KafkaProducer<>(MerchantKafka.producer(stack.endpoints()));
             KafkaConsumer<String, PaymentCommand> consumer = new KafkaConsumer<>(
                     MerchantKafka.consumer(stack.endpoints(), "round-trip-" + UUID.randomUUID()))) {
            producer.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, paymentRequestId, command)).get();
            consumer.subscribe(List.of(Topics.PAYMENTS_COMMANDS));
            List<PaymentCommand> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, PaymentCommand> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.key().equals(paymentRequestId)) {
                        seen.add(record.value());
                    }
                }
                assertThat(seen).containsExactly(command);
            });
        }
    }

    @Test
    void the_antom_sandbox_runs_as_its_own_process_and_vaults_cards_for_the_merchant() {
        TestStack test = TestStack.require(LocalStack.SANDBOX);
        assertThat(test.stack().child(LocalStack.SANDBOX)).hasValueSatisfying(child -> {
            assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(child.isAlive()).isTrue();
        });
        String token = test.merchant().card();
        assertThat(token).isNotBlank().doesNotContain("4054695723100768");
        assertThat(test.merchant().sandbox().sandboxNow()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    }
}
