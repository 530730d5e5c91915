package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.schemas.Topics;
import io.holdfast.schemas.compat.ReleasedSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema-registration Job registers exactly the released schema versions of the {@code schemas} module (its
 * ConfigMap holds one Confluent-API request body per version), against the registry URL the services use; and in
 * prod no service registers a schema itself.
 */
class SchemaRegistrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theJobRegistersEveryReleasedVersionAndNothingElse(String overlay) throws IOException {
        Rendering rendering = Overlays.render(overlay);
        JsonNode pod = rendering.find("Job", "holdfast", "schema-registration").orElseThrow()
                .spec().path("template").path("spec");
        String configMap = pod.path("volumes").get(0).path("configMap").path("name").asString();
        JsonNode data = rendering.find("ConfigMap", "holdfast", configMap).orElseThrow().raw().path("data");

        Map<String, String> bodies = new TreeMap<>();
        data.properties().forEach(e -> bodies.put(e.getKey(), JSON.readTree(e.getValue().asString())
                .path("schema").asString()));
        Map<String, String> released = new TreeMap<>();
        for (String topic : Topics.ALL) {
            int versions = ReleasedSchemas.released(topic).size();
            for (int version = 1; version <= versions; version++) {
                released.put(String.format("%s.v%03d.json", Topics.valueSubject(topic), version),
                        releasedText(topic, version));
            }
        }
        assertThat(bodies).as("%s: request bodies of ConfigMap %s (regenerate them from"
                + " schemas/src/main/resources/io/holdfast/schemas/released: {\"schema\": <file text>})", overlay,
                configMap).isEqualTo(released);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theJobUsesTheServicesRegistry(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        JsonNode container = rendering.find("Job", "holdfast", "schema-registration").orElseThrow()
                .spec().path("template").path("spec").path("containers").get(0);
        String jobUrl = null;
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asString().equals("REGISTRY_URL")) {
                jobUrl = env.path("value").asString();
            }
        }
        String servicesUrl = rendering.ofKind("ConfigMap").stream()
                .filter(cm -> cm.name().startsWith("holdfast-common-"))
                .map(cm -> cm.raw().path("data").path("spring.kafka.properties.schema.registry.url").asString())
                .findFirst().orElseThrow();

        assertThat(jobUrl).isEqualTo(servicesUrl);
    }

    @org.junit.jupiter.api.Test
    void inProdTheServicesNeverRegisterASchema() {
        String value = Overlays.render("prod").ofKind("ConfigMap").stream()
                .filter(cm -> cm.name().startsWith("holdfast-common-"))
                .map(cm -> cm.raw().path("data").path("spring.kafka.properties.auto.register.schemas").asString())
                .findFirst().orElseThrow();

        assertThat(value).isEqualTo("false");
    }

    private static String releasedText(String topic, int version) throws IOException {
        String resource = "/io/holdfast/schemas/released/" + topic + "/v" + version + ".avsc";
        try (InputStream in = SchemaRegistrationTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
