package io.holdfast.view.adapter.kafka;

import io.holdfast.view.domain.Facts;
import io.holdfast.view.domain.TimelineEntry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payments.events envelope read generically → the view's {@link TimelineEntry}: the payload's record name as its
 * type (also for a type this build does not know), a JSON rendering (timestamps as ISO-8601), and its fact.
 */
final class EventMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventMapper() {
    }

    static TimelineEntry entry(GenericRecord event) {
        Object payload = event.get("payload");
        if (!(payload instanceof GenericRecord record)) {
            throw new IllegalArgumentException("the event has no record payload");
        }
        Map<String, Object> fields = plainRecord(record);
        String type = record.getSchema().getName();
        Object occurredAt = event.get("occurredAt");
        TimelineEntry.Envelope envelope = new TimelineEntry.Envelope(required(event, "eventId"),
                required(event, "paymentRequestId"), optional(event, "paymentId"), optional(event, "merchantId"),
                Instant.ofEpochMilli(((Number) occurredAt).longValue()), optional(event, "causationId"));
        return new TimelineEntry(envelope, type, JSON.writeValueAsString(fields), Facts.of(type, fields));
    }

    private static String required(GenericRecord record, String field) {
        String value = optional(record, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the event has no " + field);
        }
        return value;
    }

    private static String optional(GenericRecord record, String field) {
        if (!record.hasField(field)) {
            return null;
        }
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> plainRecord(GenericRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field f : record.getSchema().getFields()) {
            map.put(f.name(), plain(record.get(f.pos()), f.schema()));
        }
        return map;
    }

    /** Avro's generic value → maps, lists, strings, numbers, booleans; timestamp-millis → ISO-8601. */
    private static Object plain(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        Schema s = schema.getType() == Schema.Type.UNION
                ? schema.getTypes().get(GenericData.get().resolveUnion(schema, value)) : schema;
        LogicalType logical = s.getLogicalType();
        switch (s.getType()) {
            case RECORD:
                return plainRecord((GenericRecord) value);
            case ARRAY:
                List<Object> list = new ArrayList<>();
                for (Object item : (Iterable<?>) value) {
                    list.add(plain(item, s.getElementType()));
                }
                return list;
            case MAP:
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> map.put(k.toString(), plain(v, s.getValueType())));
                return map;
            case LONG:
                return logical != null && "timestamp-millis".equals(logical.getName())
                        ? Instant.ofEpochMilli((Long) value).toString() : value;
            case BYTES:
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return Base64.getEncoder().encodeToString(bytes);
            case FIXED:
                return Base64.getEncoder().encodeToString(((GenericFixed) value).bytes());
            case STRING:
            case ENUM:
                return value.toString();
            default:
                return value;
        }
    }
}
