package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.MessagePublisher;
import io.holdfast.capture.application.OutboxStore;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/** Publishes outbox rows through KafkaTemplate (acks=all, idempotent producer); the row id goes in a header. */
final class KafkaMessagePublisher implements MessagePublisher {

    static final String ID_HEADER = "holdfast-outbox-id";

    private final KafkaTemplate<String, SpecificRecord> template;

    KafkaMessagePublisher(KafkaTemplate<String, SpecificRecord> template) {
        this.template = template;
    }

    @Override
    public Mono<Void> publish(OutboxStore.StoredMessage message) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(message.topic(), message.key(),
                AvroOutboundMessages.decode(message.topic(), message.payload()));
        record.headers().add(ID_HEADER, message.id().toString().getBytes(StandardCharsets.UTF_8));
        return Mono.fromFuture(() -> template.send(record)).then();
    }
}
