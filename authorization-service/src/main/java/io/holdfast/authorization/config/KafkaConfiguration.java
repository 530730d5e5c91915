package io.holdfast.authorization.config;

import io.holdfast.authorization.adapter.db.R2dbcOutbox;
import io.holdfast.authorization.adapter.kafka.AvroEventCodec;
import io.holdfast.authorization.adapter.kafka.CommandListener;
import io.holdfast.authorization.adapter.kafka.DeadLetterValueSerializer;
import io.holdfast.authorization.adapter.kafka.NotificationListener;
import io.holdfast.authorization.adapter.kafka.OutboxRelay;
import io.holdfast.authorization.adapter.kafka.RejectedCommandException;
import io.holdfast.authorization.application.AuthorizationService;
import io.holdfast.authorization.application.NotificationService;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.event.PaymentEvent;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka: the two listeners, one error handler (infrastructure failures are retried with backoff for about a minute,
 * then dead-lettered; rejected and unreadable records go to {@code <topic>.DLT} at once), and the outbox relay.
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

    @Bean
    DefaultErrorHandler errorHandler(ProducerFactory<Object, Object> producers) {
        KafkaTemplate<Object, Object> deadLetters = new KafkaTemplate<>(producers,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class));
        // the contract's dead-letter topics are <topic>.DLT (spring-kafka 4 defaults to -dlt); partition by key
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, error) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        // infrastructure failures (database down) hold the partition for about a minute before dead-lettering
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(60_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(RejectedCommandException.class, IllegalArgumentException.class);
        return handler;
    }

    @Bean
    OutboxRelay outboxRelay(R2dbcOutbox outbox, KafkaTemplate<String, PaymentEvent> kafka, AvroEventCodec codec,
            Clock clock, AuthorizationProperties properties) {
        return new OutboxRelay(outbox, kafka, codec, clock, properties.outbox().batchSize());
    }
}
