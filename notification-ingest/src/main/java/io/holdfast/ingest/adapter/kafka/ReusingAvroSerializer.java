package io.holdfast.ingest.adapter.kafka;

import io.holdfast.schemas.serde.AvroSerializer;
import io.holdfast.schemas.serde.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * {@link AvroSerializer}'s bytes (the same Avro binary, the same Confluent framing and schema id), written with one
 * datum writer per record class and one encoder and buffer per thread instead of new ones for every record: the
 * producer serializes on the caller's thread, here the event loops for every notification. Configured as the
 * producer's {@code value-serializer}.
 */
public final class ReusingAvroSerializer extends AvroSerializer<SpecificRecord> {

    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    /** Datum writers hold no state of a write; one per record class, shared by the threads. */
    private final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();

    /** For the producer, which configures it ({@link #configure}). */
    public ReusingAvroSerializer() {
    }

    ReusingAvroSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        super(registry, autoRegister);
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        return frame(topic, schema, encode(schema, data));
    }

    private byte[] encode(Schema schema, SpecificRecord data) {
        SpecificDatumWriter<SpecificRecord> writer = writers.computeIfAbsent(data.getClass(),
                type -> new SpecificDatumWriter<>(schema));
        Buffer buffer = BUFFERS.get();
        buffer.bytes.reset();
        buffer.encoder = EncoderFactory.get().directBinaryEncoder(buffer.bytes, buffer.encoder);
        try {
            writer.write(data, buffer.encoder);
            buffer.encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " as Avro", e);
        }
        return buffer.bytes.toByteArray();
    }

    /** A thread's output buffer and the encoder over it. */
    private static final class Buffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        private BinaryEncoder encoder;
    }
}
