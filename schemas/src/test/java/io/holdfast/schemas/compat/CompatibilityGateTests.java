package io.holdfast.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The build fails here when a contract change would break a reader of any released version. */
class CompatibilityGateTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void every_topic_has_a_released_version() {
        ReleasedSchemas.current().keySet().forEach(topic -> assertThat(ReleasedSchemas.released(topic)).as(topic).isNotEmpty());
    }

    @Test
    void current_schemas_read_every_released_version() {
        for (Map.Entry<String, Schema> entry : ReleasedSchemas.current().entrySet()) {
            List<CompatibilityGate.Violation> violations =
                    CompatibilityGate.check(entry.getKey(), entry.getValue(), ReleasedSchemas.released(entry.getKey()));

            assertThat(violations).as("incompatible change to %s; make it backward compatible (add fields with defaults, "
                    + "never remove or retype a field without a default)", entry.getKey()).isEmpty();
        }
    }

    @Test
    void a_new_field_without_default_is_caught() {
        Schema released = ReleasedSchemas.released("payments.events").get(0);
        Schema breaking = withExtraField(released, "{\"name\":\"tenant\",\"type\":\"string\"}");

        List<CompatibilityGate.Violation> violations = CompatibilityGate.check("payments.events", breaking, List.of(released));

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.description()).contains("tenant"));
    }

    @Test
    void a_removed_union_branch_is_caught() {
        Schema released = ReleasedSchemas.released("payments.commands").get(0);
        ObjectNode json = (ObjectNode) JSON.readTree(released.toString());
        ArrayNode payload = (ArrayNode) json.get("fields").get(4).get("type");
        payload.remove(2);

        List<CompatibilityGate.Violation> violations =
                CompatibilityGate.check("payments.commands", new Schema.Parser().parse(json.toString()), List.of(released));

        assertThat(violations).isNotEmpty();
    }

    @Test
    void a_new_optional_field_passes() {
        Schema released = ReleasedSchemas.released("payments.events").get(0);
        Schema compatible = withExtraField(released, "{\"name\":\"tenant\",\"type\":[\"null\",\"string\"],\"default\":null}");

        assertThat(CompatibilityGate.check("payments.events", compatible, List.of(released))).isEmpty();
    }

    private static Schema withExtraField(Schema schema, String field) {
        ObjectNode json = (ObjectNode) JSON.readTree(schema.toString());
        ((ArrayNode) json.get("fields")).add(JSON.readTree(field));
        return new Schema.Parser().parse(json.toString());
    }
}
