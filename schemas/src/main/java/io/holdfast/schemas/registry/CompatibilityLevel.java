package io.holdfast.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /** Whether {@code candidate} may follow {@code existing} (oldest first) under this level. */
    public boolean allows(Schema candidate, List<Schema> existing) {
        if (existing.isEmpty()) {
            return true;
        }
        List<Schema> checked = switch (this) {
            case NONE -> List.of();
            case BACKWARD, FORWARD, FULL -> List.of(existing.get(existing.size() - 1));
            case BACKWARD_TRANSITIVE, FORWARD_TRANSITIVE, FULL_TRANSITIVE -> existing;
        };
        for (Schema old : checked) {
            boolean backward = canRead(candidate, old);
            boolean forward = canRead(old, candidate);
            boolean ok = switch (this) {
                case NONE -> true;
                case BACKWARD, BACKWARD_TRANSITIVE -> backward;
                case FORWARD, FORWARD_TRANSITIVE -> forward;
                case FULL, FULL_TRANSITIVE -> backward && forward;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
