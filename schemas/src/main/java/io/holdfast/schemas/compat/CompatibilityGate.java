package io.holdfast.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The build's schema evolution gate: a new schema must read data written with every released version
 * (BACKWARD_TRANSITIVE, checked by Avro's own {@link SchemaCompatibility}). Consumers upgrade first, so
 * every record ever written to a topic stays readable.
 */
public final class CompatibilityGate {

    private CompatibilityGate() {
    }

    /** One incompatibility: which released version the candidate cannot read, and Avro's explanation. */
    public record Violation(String topic, int releasedVersion, String description) {
    }

    public static List<Violation> check(String topic, Schema candidate, List<Schema> released) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(candidate, released.get(i));
            if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                violations.add(new Violation(topic, i + 1, result.getResult().getIncompatibilities().toString()));
            }
        }
        return violations;
    }
}
