package io.holdfast.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses rendered manifests into the fabric8 Kubernetes model and reports every field the model does not know.
 *
 * <p>fabric8 model classes swallow unknown fields into {@code additionalProperties} (a {@code @JsonAnySetter}), so
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} alone never fires for them; {@link #unknownFields} walks the typed object and
 * lists every non-empty {@code additionalProperties} with its path. Kinds fabric8 does not model (CRDs such as
 * KafkaTopic or ScaledObject) come back as {@link GenericKubernetesResource}; their specs are checked by the tests.
 */
final class StrictModel {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StrictModel() {
    }

    /** Every non-empty document of a multi-document YAML stream. */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }

    static HasMetadata parse(JsonNode document) {
        KubernetesResource resource = JSON.treeToValue(document, KubernetesResource.class);
        if (!(resource instanceof HasMetadata)) {
            throw new IllegalStateException("not a Kubernetes object: " + document.path("kind").asString());
        }
        return (HasMetadata) resource;
    }

    /** Paths of fields the typed model did not recognise (empty for a clean object). */
    static List<String> unknownFields(HasMetadata object) {
        List<String> unknown = new ArrayList<>();
        if (object instanceof GenericKubernetesResource) {
            walk(object.getMetadata(), "metadata", unknown);
        } else {
            walk(object, "", unknown);
        }
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?>) {
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?>) {
            ((Map<?, ?>) value).forEach((key, item) -> walk(item, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> && !((Map<?, ?>) fieldValue).isEmpty()) {
                        ((Map<?, ?>) fieldValue).keySet().forEach(key -> unknown.add(join(path, key.toString())));
                    }
                } else if (field.isAnnotationPresent(JsonProperty.class)) {
                    walk(fieldValue, join(path, field.getAnnotation(JsonProperty.class).value()), unknown);
                }
            }
        }
    }

    private static Object read(Field field, Object target) {
        try {
            field.setAccessible(true);
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
