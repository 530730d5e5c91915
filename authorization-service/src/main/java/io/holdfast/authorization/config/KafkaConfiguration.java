package io.holdfast.authorization.config;

import io.holdfast.authorization.adapter.db.R2dbcOutbox;
import io.holdfast.authorization.adapter.kafka.AvroEventCodec;
import io.holdfast.authorization.adapter.kafka.CommandListener;
import io.holdfast.authorization.adapter.kafka.NotificationListener;
import io.holdfast.authorization.adapter.kafka.OutboxRelay;
import io.holdfast.authorization.adapter.kafka.UnreadableCommandRejecter;
import io.holdfast.authorization.application.AuthorizationService;
import io.holdfast.authorization.application.NotificationService;
import io.holdfast.messaging.config.ConsumerErrorPolicyCustomizer;
import io.holdfast.schemas.event.PaymentEvent;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Kafka: the two listeners and the outbox relay. Consumer errors follow the one policy of the {@code messaging} module
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

    @Bean
    OutboxRelay outboxRelay(R2dbcOutbox outbox, KafkaTemplate<String, PaymentEvent> kafka, AvroEventCodec codec,
            Clock clock, AuthorizationProperties properties) {
        return new OutboxRelay(outbox, kafka, codec, clock, properties.outbox().batchSize());
    }
}
