package io.holdfast.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro into generated classes: the writer schema comes from the registry by id, the reader
 * schema is the generated class's own, and Avro's schema resolution bridges the two (so older and newer writers
 * are read as long as the change was backward compatible).
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private Schema readerSchema;

    public AvroDeserializer() {
    }

    /** A deserializer into {@code type}'s schema. */
    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = AvroSerdeConfig.client(configs, AvroSerdeConfig.from(configs));
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ConfluentFraming.Framed framed = ConfluentFraming.unframe(bytes);
        SpecificDatumReader<T> reader = readers.computeIfAbsent(framed.schemaId(), this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(framed.bytes(), framed.payloadOffset(), framed.payloadLength(), null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read Avro with schema id " + framed.schemaId() + " on " + topic, e);
        }
    }

    private SpecificDatumReader<T> readerFor(int schemaId) {
        Schema writer = registry.schemaById(schemaId);
        Schema reader = readerSchema != null ? readerSchema : SpecificData.get().getSchema(classOf(writer));
        return new SpecificDatumReader<>(writer, reader);
    }

    private static Class<?> classOf(Schema writer) {
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null) {
            throw new SerializationException("no generated class for " + writer.getFullName() + " on the classpath");
        }
        return type;
    }
}
