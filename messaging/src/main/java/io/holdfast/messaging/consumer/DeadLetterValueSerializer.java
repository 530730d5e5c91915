package io.holdfast.messaging.consumer;

import io.holdfast.schemas.Topics;
import io.holdfast.schemas.serde.AvroSerializer;
import java.util.HashMap;
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

    private Map<String, ?> configs = Map.of();
    private boolean isKey;
    private AvroSerializer<SpecificRecord> avro;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.configs = new HashMap<>(configs);
        this.isKey = isKey;
    }

    /** Configured on first use: dead-lettering raw bytes needs no registry. */
    private synchronized AvroSerializer<SpecificRecord> avro() {
        if (avro == null) {
            AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
            serializer.configure(configs, isKey);
            avro = serializer;
        }
        return avro;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof SpecificRecord record) {
            String original = topic.endsWith(Topics.DLT_SUFFIX)
                    ? topic.substring(0, topic.length() - Topics.DLT_SUFFIX.length()) : topic;
            return avro().serialize(original, record);
        }
        throw new SerializationException("cannot dead-letter a " + data.getClass());
    }
}
