package io.holdfast.schemas.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's state: global ids by schema, versions by subject, compatibility levels. Thread-safe by
 * synchronization (registrations are rare). Optionally persisted to one JSON file so ids survive restarts of
 * the local stack.
 */
final class SchemaStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Map<Integer, String> schemasById = new LinkedHashMap<>();
    private final Map<String, Integer> idsBySchema = new LinkedHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new LinkedHashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

    SchemaStore(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            load();
        }
    }

    /** A registered schema version. */
    record Version(String subject, int version, int id, String schema) {
    }

    /** Result of a registration: the id, or the reason it was refused. */
    sealed interface Registration {
        record Registered(int id) implements Registration {
        }

        record Incompatible(String message) implements Registration {
        }
    }

    synchronized Registration register(String subject, Schema schema) {
        String canonical = schema.toString();
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, key -> new ArrayList<>());
        Integer existingId = idsBySchema.get(canonical);
        if (existingId != null && versions.contains(existingId)) {
            return new Registration.Registered(existingId);
        }
        List<Schema> existing = versions.stream().map(id -> parse(schemasById.get(id))).toList();
        if (!level(subject).allows(schema, existing)) {
            return new Registration.Incompatible("Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\" under " + level(subject));
        }
        int id = existingId != null ? existingId : schemasById.size() + 1;
        schemasById.put(id, canonical);
        idsBySchema.put(canonical, id);
        versions.add(id);
        save();
        return new Registration.Registered(id);
    }

    synchronized Optional<Version> lookup(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema.toString());
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (id == null || !versions.contains(id)) {
            return Optional.empty();
        }
        return Optional.of(new Version(subject, versions.indexOf(id) + 1, id, schemasById.get(id)));
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    synchronized Optional<List<Integer>> versions(String subject) {
        List<Integer> ids = versionsBySubject.get(subject);
        if (ids == null) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= ids.size(); i++) {
            numbers.add(i);
        }
        return Optional.of(numbers);
    }

    /** {@code version} is a number or {@code latest}. */
    synchronized Optional<Version> version(String subject, String version) {
        List<Integer> ids = versionsBySubject.get(subject);
        if (ids == null || ids.isEmpty()) {
            return Optional.empty();
        }
        int number;
        try {
            number = "latest".equals(version) ? ids.size() : Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (number < 1 || number > ids.size()) {
            return Optional.empty();
        }
        int id = ids.get(number - 1);
        return Optional.of(new Version(subject, number, id, schemasById.get(id)));
    }

    synchronized boolean compatible(String subject, Schema candidate, String version) {
        Optional<Version> against = version(subject, version);
        return against.isEmpty() || level(subject).allows(candidate, List.of(parse(against.get().schema())));
    }

    synchronized CompatibilityLevel level(String subject) {
        return subject == null ? globalLevel : subjectLevels.getOrDefault(subject, globalLevel);
    }

    synchronized void setLevel(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else {
            subjectLevels.put(subject, level);
        }
        save();
    }

    static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private void save() {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("compatibility", globalLevel.name());
        ObjectNode schemas = root.putObject("schemas");
        schemasById.forEach((id, schema) -> schemas.put(String.valueOf(id), schema));
        ObjectNode subjects = root.putObject("subjects");
        versionsBySubject.forEach((subject, ids) -> {
            ArrayNode array = subjects.putArray(subject);
            ids.forEach(array::add);
        });
        ObjectNode levels = root.putObject("subjectCompatibility");
        subjectLevels.forEach((subject, level) -> levels.put(subject, level.name()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, JSON.writeValueAsString(root));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the schema registry to " + file, e);
        }
    }

    private void load() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema registry from " + file, e);
        }
        globalLevel = CompatibilityLevel.valueOf(root.get("compatibility").asString());
        root.get("schemas").properties().forEach(entry -> {
            int id = Integer.parseInt(entry.getKey());
            schemasById.put(id, entry.getValue().asString());
            idsBySchema.put(entry.getValue().asString(), id);
        });
        root.get("subjects").properties().forEach(entry -> {
            List<Integer> ids = new ArrayList<>();
            entry.getValue().forEach(node -> ids.add(node.asInt()));
            versionsBySubject.put(entry.getKey(), ids);
        });
        JsonNode levels = root.get("subjectCompatibility");
        if (levels != null) {
            levels.properties().forEach(e -> subjectLevels.put(e.getKey(), CompatibilityLevel.valueOf(e.getValue().asString())));
        }
    }
}
