package io.holdfast.authorization.adapter.kafka;

import io.holdfast.schemas.Topics;
import io.holdfast.schemas.serde.AvroSerializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Values for the dead-letter topics: the original bytes of an unreadable record as they were, a readable (but
 * rejected) record in the contract's Avro framing under the <em>original</em> topic's subject, so dead-lettering
 * needs no extra registry subject (production producers do not register schemas) and the bytes read like the
 * original record's.
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
            String original = topic.endsWith(Topics.DLT_SUFFIX)
                    ? topic.substring(0, topic.length() - Topics.DLT_SUFFIX.length()) : topic;
            return avro.serialize(original, record);
        }
        throw new SerializationException("cannot dead-letter a " + data.getClass());
    }
}
