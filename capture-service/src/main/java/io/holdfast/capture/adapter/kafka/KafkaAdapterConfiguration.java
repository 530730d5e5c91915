package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.CaptureNotificationHandler;
import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.application.PaymentEventHandler;
import io.holdfast.capture.application.PaymentNotYetKnownException;
import io.holdfast.messaging.config.ConsumerErrorPolicyCustomizer;
import io.holdfast.messaging.outbox.KafkaOutboxPublisher;
import io.holdfast.messaging.outbox.OutboxPublisher;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the Kafka adapters: listeners, the outbox publisher, and this service's addition to the shared consumer error
 * policy of the {@code messaging} module (transient failures retried without limit; rejected and unreadable records
 * to {@code <topic>.DLT} at once, with their bytes).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaAdapterConfiguration {

    @Bean
    OutboundMessages outboundMessages() {
        return new AvroOutboundMessages();
    }

    /**
     * Sends an outbox row as the Avro envelope it encodes ({@code PaymentEvent}, or {@code PaymentCommand} on
     * payments.commands), headers eventId (the row id) and eventType; the relay is the {@code messaging} module's.
     */
    @Bean
    OutboxPublisher outboxPublisher(KafkaTemplate<String, SpecificRecord> template) {
        return new KafkaOutboxPublisher<>(template,
                message -> AvroOutboundMessages.decode(message.topic(), message.payload()));
    }

    @Bean
    CaptureListeners captureListeners(PaymentEventHandler events, CaptureCommandHandler commands,
            CaptureNotificationHandler notifications) {
        return new CaptureListeners(events, commands, notifications);
    }

    /**
     * capture-service's addition to the shared consumer error policy: a CapturePayment for a payment not seen yet
     * waits a few seconds (its PaymentAuthorized may be a moment behind), then becomes CommandRejected(UNKNOWN_PAYMENT)
     * and is dead-lettered.
     */
    @Bean
    ConsumerErrorPolicyCustomizer unknownPaymentWait(CaptureCommandHandler commands) {
        return policy -> policy.boundedRetry(PaymentNotYetKnownException.class, Duration.ofMillis(500), 6)
                .beforeDeadLetter(new RejectingRecoverer(commands));
    }
}
