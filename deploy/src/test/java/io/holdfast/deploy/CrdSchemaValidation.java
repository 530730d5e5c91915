package io.holdfast.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates a rendered custom resource against its CRD's {@code openAPIV3Schema} (the files under
 * {@code src/test/resources/crd-schemas}, see the README there): types, {@code required}, {@code enum},
 * {@code pattern}, {@code minimum}, {@code minLength}, and no field the schema does not declare (the API server's
 * strict field validation), except under {@code x-kubernetes-preserve-unknown-fields} or an
 * {@code additionalProperties} map.
 */
final class CrdSchemaValidation {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Map<String, Optional<JsonNode>> SCHEMAS = new ConcurrentHashMap<>();

    private CrdSchemaValidation() {
    }

    /** The stored CRD of a kind ({@code <plural>.<group>.<version>.yaml} by apiVersion and kind), if any. */
    static Optional<JsonNode> crd(String apiVersion, String kind) {
        return SCHEMAS.computeIfAbsent(apiVersion + "/" + kind, key -> load(apiVersion, kind));
    }

    /** Problems of one object against its CRD's schema; empty when valid. */
    static List<String> validate(JsonNode object, JsonNode crd) {
        List<String> problems = new ArrayList<>();
        check(object, crd.path("openAPIV3Schema"), "", problems);
        boolean clusterScoped = crd.path("scope").asString().equals("Cluster");
        if (clusterScoped && object.path("metadata").has("namespace")) {
            problems.add("metadata.namespace: " + crd.path("kind").asString() + " is cluster-scoped");
        }
        return problems;
    }

    private static Optional<JsonNode> load(String apiVersion, String kind) {
        String[] groupVersion = apiVersion.split("/");
        String plural = kind.toLowerCase(Locale.ROOT) + "s";
        String resource = "/crd-schemas/" + plural + "." + groupVersion[0] + "." + groupVersion[1] + ".yaml";
        try (InputStream in = CrdSchemaValidation.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode crd = YAML.readTree(in);
            if (!crd.path("kind").asString().equals(kind) || !crd.path("apiVersion").asString().equals(apiVersion)) {
                throw new IllegalStateException(resource + " is not the schema of " + apiVersion + " " + kind);
            }
            return Optional.of(crd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        String at = path.isEmpty() ? "(root)" : path;
        String type = schema.path("type").asString("");
        if (!type.isEmpty() && !hasType(value, type, schema)) {
            problems.add(at + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        checkScalar(value, schema, at, problems);
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, path, problems);
        }
    }

    private static void checkScalar(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("enum")) {
            boolean listed = schema.path("enum").valueStream().anyMatch(e -> e.asString().equals(value.asString()));
            if (!listed) {
                problems.add(at + ": " + value.asString() + " is not one of " + schema.path("enum"));
            }
        }
        if (schema.has("pattern")
                && !Pattern.compile(schema.path("pattern").asString()).matcher(value.asString()).find()) {
            problems.add(at + ": " + value.asString() + " does not match " + schema.path("pattern").asString());
        }
        if (schema.has("minLength") && value.asString().length() < schema.path("minLength").asInt()) {
            problems.add(at + ": shorter than " + schema.path("minLength").asInt());
        }
        if (schema.has("minimum") && value.asDouble() < schema.path("minimum").asDouble()) {
            problems.add(at + ": below the minimum " + schema.path("minimum").asDouble());
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asString())) {
                problems.add((path.isEmpty() ? "(root)" : path) + ": required field " + required.asString()
                        + " is missing");
            }
        }
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (schema.path("properties").has(field.getKey())) {
                check(field.getValue(), schema.path("properties").path(field.getKey()), child, problems);
            } else if (schema.has("additionalProperties")) {
                check(field.getValue(), schema.path("additionalProperties"), child, problems);
            } else {
                problems.add(child + ": unknown field (not in the CRD's schema)");
            }
        }
    }

    private static boolean hasType(JsonNode value, String type, JsonNode schema) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString()
                    || schema.path("x-kubernetes-int-or-string").asBoolean(false) && value.isIntegralNumber();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> false;
        };
    }
}
