package io.holdfast.view.adapter.kafka;

import io.holdfast.schemas.serde.AvroSerdeConfig;
import io.holdfast.schemas.serde.ConfluentFraming;
import io.holdfast.schemas.serde.RestSchemaRegistryClient;
import io.holdfast.schemas.serde.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro as a {@link GenericRecord} in the <em>writer's</em> schema, fetched from the registry by
 * id: unlike the generated classes, it reads an event type added by a newer schema than this build knows, so the
 * view keeps it in the timeline instead of dead-lettering it. Timestamps stay longs (no logical-type conversions).
 */
public final class GenericEventDeserializer implements Deserializer<GenericRecord> {

    private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;

    public GenericEventDeserializer() {
    }

    GenericEventDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object instance = configs.get(AvroSerdeConfig.REGISTRY_CLIENT_INSTANCE);
        if (instance instanceof SchemaRegistryClient client) {
            registry = client;
        } else {
            AvroSerdeConfig config = AvroSerdeConfig.from(configs);
            registry = new RestSchemaRegistryClient(config.registryUrl(), config.timeout());
        }
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ConfluentFraming.Framed framed = ConfluentFraming.unframe(bytes);
        GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(framed.schemaId(),
                id -> new GenericDatumReader<>(registry.schemaById(id)));
        try {
            return reader.read(null, org.apache.avro.io.DecoderFactory.get()
                    .binaryDecoder(framed.bytes(), framed.payloadOffset(), framed.payloadLength(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read Avro with schema id " + framed.schemaId() + " on " + topic,
                    e);
        }
    }
}
