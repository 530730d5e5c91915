package io.holdfast.schemas.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Releases the current schemas: for each topic whose current schema differs from its newest released version,
 * writes it as the next {@code v<N>.avsc} under {@code schemas/src/main/resources/io/holdfast/schemas/released}.
 * Run before publishing a changed contract:
 * {@code ./mvnw -q -pl schemas compile exec:java -Dexec.mainClass=io.holdfast.schemas.compat.ReleaseSchemas}
 * (or from the IDE), then commit the new files.
 */
public final class ReleaseSchemas {

    private ReleaseSchemas() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "schemas/src/main/resources/io/holdfast/schemas/released");
        for (Map.Entry<String, Schema> entry : ReleasedSchemas.current().entrySet()) {
            List<Schema> released = ReleasedSchemas.released(entry.getKey());
            if (!released.isEmpty() && released.get(released.size() - 1).equals(entry.getValue())) {
                continue;
            }
            List<CompatibilityGate.Violation> violations = CompatibilityGate.check(entry.getKey(), entry.getValue(), released);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("refusing to release an incompatible schema: " + violations);
            }
            Path file = root.resolve(entry.getKey()).resolve("v" + (released.size() + 1) + ".avsc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue().toString(true) + "\n");
        }
    }
}
