package io.holdfast.capture.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.capture.application.OutboundMessages;
import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.capture.domain.Money;
import io.holdfast.messaging.avro.AvroBinary;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.serde.AvroDeserializer;
import io.holdfast.schemas.serde.AvroSerializer;
import io.holdfast.schemas.serde.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay sends an outbox row's stored bytes without decoding them: what reaches the topic must be byte for byte
 * what the Avro serializer writes for the record the row encodes, and read back by the contract's deserializer.
 */
class AvroOutboundMessagesUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, true);
    private final AvroOutboundMessages messages = new AvroOutboundMessages();

    @Test
    void anEventsStoredBytesFramedAreWhatTheSerializerWritesForTheDecodedEnvelope() throws Exception {
        OutboundMessages.Message message = messages.encode(UUID.randomUUID(), new CaptureEvent.CaptureScheduled(
                "pr-1", "p-1", new Money(1234, "USD"), NOW, NOW.plusSeconds(3600)), "m-1", "cause-1", NOW);

        byte[] onTheTopic = framed(message);

        PaymentEvent envelope = PaymentEvent.fromByteBuffer(ByteBuffer.wrap(message.payload()));
        assertThat(onTheTopic).isEqualTo(serializer.serialize(Topics.PAYMENTS_EVENTS, envelope));
        assertThat(new AvroDeserializer<>(registry, PaymentEvent.class).deserialize(Topics.PAYMENTS_EVENTS,
                onTheTopic)).isEqualTo(envelope);
    }

    @Test
    void aVoidCommandsStoredBytesFramedAreWhatTheSerializerWritesForTheDecodedCommand() throws Exception {
        OutboundMessages.Message message = messages.encode(UUID.randomUUID(),
                new CaptureEvent.VoidRequested("pr-2", "cmd-2", "deadline"), "m-1", "cause-2", NOW);

        byte[] onTheTopic = framed(message);

        assertThat(message.topic()).isEqualTo(Topics.PAYMENTS_COMMANDS);
        PaymentCommand command = PaymentCommand.fromByteBuffer(ByteBuffer.wrap(message.payload()));
        assertThat(onTheTopic).isEqualTo(serializer.serialize(Topics.PAYMENTS_COMMANDS, command));
        assertThat(new AvroDeserializer<>(registry, PaymentCommand.class).deserialize(Topics.PAYMENTS_COMMANDS,
                onTheTopic)).isEqualTo(command);
    }

    @Test
    void bytesOfAnotherSchemaAreRefusedNotSent() {
        OutboundMessages.Message command = messages.encode(UUID.randomUUID(),
                new CaptureEvent.VoidRequested("pr-3", "cmd-3", "deadline"), "m-1", "cause-3", NOW);

        assertThatThrownBy(() -> AvroOutboundMessages.stored(Topics.PAYMENTS_EVENTS, command.payload()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PaymentEvent");
        assertThatThrownBy(() -> AvroOutboundMessages.stored(Topics.PAYMENTS_EVENTS, new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalStateException.class);
    }

    private byte[] framed(OutboundMessages.Message message) {
        AvroBinary stored = AvroOutboundMessages.stored(message.topic(), message.payload());
        return serializer.frame(message.topic(), stored.schema(), stored.binary());
    }

    private static final class InMemoryRegistry implements SchemaRegistryClient {

        private final AtomicInteger next = new AtomicInteger(1);
        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

        @Override
        public int register(String subject, Schema schema) {
            return ids.computeIfAbsent(subject + "/" + schema, k -> {
                int id = next.getAndIncrement();
                schemas.put(id, schema);
                return id;
            });
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return register(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            return schemas.get(id);
        }
    }
}
