package io.holdfast.capture.adapter.kafka;


import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.CaptureNotificationHandler;
import io.holdfast.capture.application.MessagePublisher;
import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.application.PaymentEventHandler;
import io.holdfast.schemas.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Wires the Kafka adapters: listeners, the outbox publisher, and the one error handler (a few retries, then the
 * record goes to {@code <topic>.DLT}; unreadable records keep their bytes).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaAdapterConfiguration {

    @Bean
    OutboundMessages outboundMessages() {
        return new AvroOutboundMessages();
    }

    @Bean
    MessagePublisher messagePublisher(KafkaTemplate<String, SpecificRecord> template) {
        return new KafkaMessagePublisher(template);
    }

    @Bean
    CaptureListeners captureListeners(PaymentEventHandler events, CaptureCommandHandler commands,
            CaptureNotificationHandler notifications) {
        return new CaptureListeners(events, commands, notifications);
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, SpecificRecord> template,
            ProducerFactory<Object, Object> producerFactory, CaptureCommandHandler commands) {
        Map<String, Object> bytes = Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(SpecificRecord.class, template);
        templates.put(byte[].class, new KafkaTemplate<>(producerFactory, bytes));
        var recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        var handler = new DefaultErrorHandler(new RejectingRecoverer(commands, recoverer), new FixedBackOff(500, 6));
        handler.addNotRetryableExceptions(IllegalArgumentException.class, NullPointerException.class,
                RejectedCommandException.class);
        return handler;
    }
}
