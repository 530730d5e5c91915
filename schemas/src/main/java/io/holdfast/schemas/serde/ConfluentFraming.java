package io.holdfast.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 = magic 0, bytes 1-4 = the schema id (big-endian int), then the Avro binary
 * encoding of the value. Kafka UIs, Connect, Flink and every Confluent-style client read it.
 */
public final class ConfluentFraming {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private ConfluentFraming() {
    }

    public static byte[] frame(int schemaId, byte[] avroBinary) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroBinary)
                .array();
    }

    /** Reads the header; the returned buffer is positioned at the Avro payload. */
    public static Framed unframe(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH) {
            throw new SerializationException("not Confluent-framed Avro: fewer than 5 bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("not Confluent-framed Avro: magic byte is " + magic);
        }
        return new Framed(buffer.getInt(), bytes, HEADER_LENGTH);
    }

    /** A framed value: its schema id and where the Avro payload starts. */
    public record Framed(int schemaId, byte[] bytes, int payloadOffset) {

        public int payloadLength() {
            return bytes.length - payloadOffset;
        }
    }
}
