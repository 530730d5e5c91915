package io.holdfast.messaging.avro;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * An outbox row's payload as plain Avro binary (no framing) and the schema it was written with: what
 * {@link StoredAvro#publisher} frames and sends as it is.
 *
 * @param schema the writer schema (registered under the row's topic subject, as the serializer would register it)
 * @param binary the Avro binary encoding
 */
public record AvroBinary(Schema schema, byte[] binary) {

    public AvroBinary {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(binary, "binary");
    }
}
