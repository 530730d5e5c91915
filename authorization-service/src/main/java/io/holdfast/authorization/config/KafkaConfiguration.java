package io.holdfast.authorization.config;

import io.holdfast.authorization.adapter.kafka.CommandListener;
import io.holdfast.authorization.adapter.kafka.NotificationListener;
import io.holdfast.authorization.adapter.kafka.UnreadableCommandRejecter;
import io.holdfast.authorization.application.AuthorizationService;
import io.holdfast.authorization.application.NotificationService;
import io.holdfast.messaging.avro.AvroBinary;
import io.holdfast.messaging.avro.StoredAvro;
import io.holdfast.messaging.config.ConsumerErrorPolicyCustomizer;
import io.holdfast.messaging.outbox.OutboxPublisher;
import io.holdfast.schemas.event.PaymentEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Kafka: the two listeners and the outbox publisher (the relay is the {@code messaging} module's, run by
 * {@link JobsConfiguration}). Consumer errors follow the one policy of the {@code messaging} module
 * (auto-configured): transient failures retried without limit, the consumer paused between attempts; rejected and
 * unreadable records to {@code <topic>.DLT} at once.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    CommandListener commandListener(AuthorizationService service, AuthorizationProperties properties) {
        return new CommandListener(service, properties.handlerTimeout());
    }

    @Bean
    NotificationListener notificationListener(NotificationService service, AuthorizationProperties properties) {
        return new NotificationListener(service, properties.handlerTimeout());
    }

    /**
     * authorization-service's addition to the shared consumer error policy: a command that can never be applied gets
     * its CommandRejected(UNREADABLE) before it is dead-lettered.
     */
    @Bean
    ConsumerErrorPolicyCustomizer unreadableCommands(AuthorizationService service,
            AuthorizationProperties properties) {
        return policy -> policy.beforeDeadLetter(new UnreadableCommandRejecter(service, properties.handlerTimeout()));
    }

    /**
     * Sends an outbox row's bytes as they are (headers eventId, eventType): the row holds the {@code PaymentEvent}'s
     * plain Avro binary ({@code AvroEventCodec}), framed on the way out as the Avro serializer frames the record.
     */
    @Bean
    OutboxPublisher outboxPublisher(ProducerFactory<Object, Object> producers) {
        return StoredAvro.publisher(producers,
                message -> new AvroBinary(PaymentEvent.getClassSchema(), message.payload()));
    }
}
