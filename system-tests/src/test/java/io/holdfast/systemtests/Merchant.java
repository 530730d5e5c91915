package io.holdfast.systemtests;

import io.holdfast.localstack.Endpoints;
import io.holdfast.localstack.merchant.EventTap;
import io.holdfast.localstack.merchant.MerchantKafka;
import io.holdfast.localstack.merchant.PaymentCommands;
import io.holdfast.localstack.merchant.SandboxMerchant;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.PaymentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The tests' merchant: publishes commands with a plain {@link KafkaProducer} and reads {@code payments.events}
 * with a plain consumer ({@link EventTap}), both configured only with bootstrap servers, the schemas jar's serde
 * and {@code schema.registry.url}; vaults cards and plays the buyer at the Antom sandbox.
 */
final class Merchant implements AutoCloseable {

    static final Duration FLOW_STEP = Duration.ofSeconds(45);

    private final SandboxMerchant sandbox;
    private final EventTap events;
    private final KafkaProducer<String, PaymentCommand> producer;
    private final PaymentCommands commands = new PaymentCommands(Clock.systemUTC(), () -> UUID.randomUUID().toString());

    Merchant(Endpoints endpoints) {
        try {
            this.sandbox = new SandboxMerchant(endpoints, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.events = new EventTap(endpoints, "system-tests-" + UUID.randomUUID());
        this.producer = new KafkaProducer<>(MerchantKafka.producer(endpoints));
    }

    static String paymentRequestId(String flow) {
        return "st-" + flow + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    PaymentCommands commands() {
        return commands;
    }

    SandboxMerchant sandbox() {
        return sandbox;
    }

    /** A freshly vaulted approving card's token. */
    String card() {
        return sandbox.vaultCard(SandboxMerchant.APPROVING_CARD);
    }

    void send(PaymentCommand command) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, command.getPaymentRequestId(), command)).get();
    }

    /** The first event of the payment with a {@code type} payload, waiting up to {@link #FLOW_STEP}. */
    <T> T await(String paymentRequestId, Class<T> type) throws InterruptedException {
        return type.cast(awaitEvent(paymentRequestId, type).getPayload());
    }

    PaymentEvent awaitEvent(String paymentRequestId, Class<?> type) throws InterruptedException {
        return events.await(paymentRequestId, type, FLOW_STEP);
    }

    /** The n-th event of the payment with a {@code type} payload, waiting up to {@link #FLOW_STEP}. */
    <T> T awaitNth(String paymentRequestId, Class<T> type, int n) throws InterruptedException {
        return type.cast(events.awaitNth(paymentRequestId, type, n, FLOW_STEP).getPayload());
    }

    /** Told of every event as the merchant's consumer receives it (on the consumer's thread). */
    void onEvent(EventTap.Listener listener) {
        events.addListener(listener);
    }

    List<String> eventTypes(String paymentRequestId) {
        return events.eventTypes(paymentRequestId);
    }

    List<PaymentEvent> events(String paymentRequestId) {
        return events.events(paymentRequestId);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        try {
            events.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
