package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.domain.command.Violations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads typed fields out of a JSON tree, recording a violation (with the field's JSON path) for each wrong type, so a
 * request body is read in one pass and every problem is reported. Values are never echoed into messages.
 */
final class JsonFields {

    private final Violations violations;

    JsonFields(Violations violations) {
        this.violations = violations;
    }

    Violations violations() {
        return violations;
    }

    static String path(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** The object at {@code name}; a missing node when absent or (with a violation) not an object. */
    JsonNode object(JsonNode parent, String prefix, String name, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(path(prefix, name), "is required");
            }
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            violations.add(path(prefix, name), "must be an object");
            return MissingNode.getInstance();
        }
        return node;
    }

    String text(JsonNode parent, String prefix, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            violations.add(path(prefix, name), "must be a string");
            return null;
        }
        return node.stringValue();
    }

    Long integer(JsonNode parent, String prefix, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isString() && node.stringValue().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(node.stringValue());
        }
        violations.add(path(prefix, name), "must be an integer");
        return null;
    }

    boolean bool(JsonNode parent, String prefix, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        violations.add(path(prefix, name), "must be true or false");
        return false;
    }

    boolean present(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node != null && !node.isNull();
    }
}
