package io.holdfast.authorization.adapter.kafka;

import io.holdfast.schemas.serde.AvroSerializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Values for the dead-letter topics: the original bytes of an unreadable record as they were, a readable (but
 * rejected) record in the contract's Avro framing.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

    private final AvroSerializer<SpecificRecord> avro = new AvroSerializer<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        avro.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof SpecificRecord record) {
            return avro.serialize(topic, record);
        }
        throw new SerializationException("cannot dead-letter a " + data.getClass());
    }
}
