package io.holdfast.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in the Confluent framing, with the schema id of subject {@code <topic>-value}
 * (or {@code -key}) from the registry (topic-name strategy).
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister;
    private boolean isKey;

    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.registry = AvroSerdeConfig.client(configs, config);
        this.autoRegister = config.autoRegister();
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        return frame(topic, schema, encode(schema, data));
    }

    /**
     * Frames Avro binary that was already written with {@code schema} exactly as {@link #serialize} frames a record of
     * that schema: the schema's id under the topic's subject, then the bytes as they are (not read, not re-encoded).
     */
    public byte[] frame(String topic, Schema schema, byte[] avroBinary) {
        String subject = topic + (isKey ? "-key" : "-value");
        int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        return ConfluentFraming.frame(id, avroBinary);
    }

    static <T extends SpecificRecord> byte[] encode(Schema schema, T data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<T>(schema).write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " as Avro", e);
        }
        return out.toByteArray();
    }
}
