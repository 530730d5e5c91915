package io.holdfast.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.schemas.Fixtures;
import io.holdfast.schemas.event.PaymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Golden bytes pin the wire format: a change here breaks every consumer, so it must be deliberate. */
class ConfluentFramingTests {

    private final FixedRegistry registry = new FixedRegistry(0x01020304);

    @Test
    void frames_with_magic_byte_and_big_endian_schema_id() {
        byte[] framed = ConfluentFraming.frame(0x01020304, new byte[] {42});

        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 42);
    }

    /**
     * The event is small enough to encode by hand from the Avro spec: strings are zig-zag length + UTF-8, a union
     * is the zig-zag branch index then the value, an enum its zig-zag index, a long zig-zag varint.
     */
    @Test
    void encodes_a_command_rejected_event_exactly_as_the_avro_spec_says() {
        byte[] bytes = new AvroSerializer<PaymentEvent>(registry, true).serialize("payments.events", Fixtures.commandRejected());

        String expected = "00" + "01020304"   // magic, schema id
                + "02" + "65"                   // eventId "e"
                + "02" + "70"                   // paymentRequestId "p"
                + "00"                          // paymentId: union branch 0 (null)
                + "00"                          // merchantId: null
                + "02"                          // occurredAt: long 1 (zig-zag 2)
                + "00"                          // causationId: null
                + "14"                          // payload: union branch 10 (CommandRejected)
                + "00"                          // commandId: null
                + "00"                          // reason: INVALID_FIELD (index 0)
                + "00"                          // field: null
                + "02" + "6d"                   // message "m"
                + "00";                         // advice: null (payments.events v3)
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
    }

    @Test
    void authorize_command_matches_the_golden_file() throws IOException {
        byte[] bytes = new AvroSerializer<>(registry, true).serialize("payments.commands", Fixtures.authorizeManual());

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(golden("authorize-manual.hex"));
    }

    @Test
    void reads_back_what_it_wrote() {
        byte[] bytes = new AvroSerializer<>(registry, true).serialize("payments.commands", Fixtures.authorizeManual());

        Object read = new AvroDeserializer<>(registry, io.holdfast.schemas.command.PaymentCommand.class)
                .deserialize("payments.commands", bytes);

        assertThat(read).isEqualTo(Fixtures.authorizeManual());
    }

    @Test
    void frames_stored_avro_binary_byte_for_byte_as_it_serializes_the_record() {
        AvroSerializer<PaymentEvent> serializer = new AvroSerializer<>(registry, true);
        PaymentEvent event = Fixtures.commandRejected();
        byte[] plainBinary = AvroSerializer.encode(event.getSchema(), event);

        byte[] framed = serializer.frame("payments.events", PaymentEvent.getClassSchema(), plainBinary);

        assertThat(framed).isEqualTo(serializer.serialize("payments.events", event));
        assertThat(new AvroDeserializer<>(registry, PaymentEvent.class).deserialize("payments.events", framed))
                .isEqualTo(event);
    }

    @Test
    void refuses_bytes_without_the_magic_byte() {
        AvroDeserializer<PaymentEvent> deserializer = new AvroDeserializer<>(registry, PaymentEvent.class);

        assertThatThrownBy(() -> deserializer.deserialize("payments.events", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> deserializer.deserialize("payments.events", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ConfluentFramingTests.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    /** A registry that knows one id for every schema: keeps golden bytes independent of registration order. */
    static final class FixedRegistry implements SchemaRegistryClient {
        private final int id;
        private final Map<Integer, Schema> schemas = new java.util.concurrent.ConcurrentHashMap<>();

        FixedRegistry(int id) {
            this.id = id;
        }

        @Override
        public int register(String subject, Schema schema) {
            schemas.put(id, schema);
            return id;
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return register(subject, schema);
        }

        @Override
        public Schema schemaById(int requested) {
            return schemas.get(requested);
        }
    }
}
