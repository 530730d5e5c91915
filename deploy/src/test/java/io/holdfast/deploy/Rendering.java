package io.holdfast.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One rendered overlay: every object both as raw JSON (for CRD specs) and as the typed fabric8 model.
 */
record Rendering(String overlay, List<RenderedObject> objects) {

    Rendering {
        objects = List.copyOf(objects);
    }

    /** A rendered object, raw and typed. */
    record RenderedObject(JsonNode raw, HasMetadata typed) {

        String kind() {
            return typed.getKind();
        }

        String name() {
            return typed.getMetadata().getName();
        }

        String namespace() {
            return typed.getMetadata().getNamespace();
        }

        JsonNode spec() {
            return raw.path("spec");
        }

        @Override
        public String toString() {
            return kind() + " " + namespace() + "/" + name();
        }
    }

    List<RenderedObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).collect(Collectors.toList());
    }

    <T extends HasMetadata> List<T> typed(Class<T> type) {
        return objects.stream()
                .map(RenderedObject::typed)
                .filter(type::isInstance)
                .map(type::cast)
                .collect(Collectors.toList());
    }

    Optional<RenderedObject> find(String kind, String namespace, String name) {
        return objects.stream()
                .filter(o -> o.kind().equals(kind) && o.name().equals(name)
                        && java.util.Objects.equals(o.namespace(), namespace))
                .findFirst();
    }

    @Override
    public String toString() {
        return overlay;
    }
}
