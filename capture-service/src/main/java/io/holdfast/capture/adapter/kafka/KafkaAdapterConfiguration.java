package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.CaptureNotificationHandler;
import io.holdfast.capture.application.DeadlinePolicyCommandHandler;
import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.application.PaymentEventHandler;
import io.holdfast.capture.application.RefundHandler;
import io.holdfast.capture.application.RefundMessages;
import io.holdfast.messaging.avro.StoredAvro;
import io.holdfast.messaging.outbox.OutboxPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Wires the Kafka adapters: listeners and the outbox publisher. Consumer errors follow the shared policy of the
 * {@code messaging} module (transient failures retried without limit; rejected and unreadable records to
 * {@code <topic>.DLT} at once, with their bytes); a CapturePayment that arrives before its PaymentAuthorized is parked
 * by the use case, not retried.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaAdapterConfiguration {

    @Bean
    OutboundMessages outboundMessages() {
        return new AvroOutboundMessages();
    }

    /**
     * Sends an outbox row's Avro envelope ({@code PaymentEvent}, or {@code PaymentCommand} on payments.commands) as
     * stored, framed as the Avro serializer frames the record, headers eventId (the row id) and eventType; the relay
     * is the {@code messaging} module's.
     */
    @Bean
    OutboxPublisher outboxPublisher(ProducerFactory<Object, Object> producers) {
        return StoredAvro.publisher(producers,
                message -> AvroOutboundMessages.stored(message.topic(), message.payload()));
    }

    @Bean
    CaptureListeners captureListeners(PaymentEventHandler events, CaptureCommandHandler commands,
            CaptureNotificationHandler notifications, DeadlinePolicyCommandHandler policies, RefundHandler refunds) {
        return new CaptureListeners(events, commands, notifications, policies, refunds);
    }

    @Bean
    RefundMessages refundMessages() {
        return new AvroRefundMessages();
    }
}
