package io.holdfast.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.schemas.Fixtures;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.serde.AvroDeserializer;
import io.holdfast.schemas.serde.AvroSerdeConfig;
import io.holdfast.schemas.serde.AvroSerializer;
import io.holdfast.schemas.serde.RestSchemaRegistryClient;
import io.holdfast.schemas.serde.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The embedded registry over real HTTP, spoken to the way Confluent clients speak to a registry. */
class EmbeddedSchemaRegistryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void serde_round_trips_through_the_rest_api_with_kafka_style_configuration() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort()) {
            Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
            AvroSerializer<PaymentCommand> serializer = new AvroSerializer<>();
            serializer.configure(config, false);
            AvroDeserializer<PaymentCommand> deserializer = new AvroDeserializer<>();
            deserializer.configure(config, false);

            byte[] bytes = serializer.serialize("payments.commands", Fixtures.authorizeManual());

            assertThat(deserializer.deserialize("payments.commands", bytes)).isEqualTo(Fixtures.authorizeManual());
            JsonNode subjects = get(registry, "/subjects");
            assertThat(subjects.toString()).contains("payments.commands-value");
            JsonNode latest = get(registry, "/subjects/payments.commands-value/versions/latest");
            assertThat(latest.get("version").asInt()).isEqualTo(1);
            assertThat(new Schema.Parser().parse(latest.get("schema").asString())).isEqualTo(PaymentCommand.getClassSchema());
        }
    }

    @Test
    void registering_the_same_schema_twice_returns_the_same_id_and_ids_are_global() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort()) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url(), Duration.ofSeconds(5));
            RestSchemaRegistryClient other = new RestSchemaRegistryClient(registry.url(), Duration.ofSeconds(5));

            int first = client.register("payments.events-value", PaymentEvent.getClassSchema());
            int again = other.register("payments.events-value", PaymentEvent.getClassSchema());
            int command = client.register("payments.commands-value", PaymentCommand.getClassSchema());

            assertThat(again).isEqualTo(first);
            assertThat(command).isNotEqualTo(first);
            assertThat(other.lookup("payments.commands-value", PaymentCommand.getClassSchema())).isEqualTo(command);
            assertThat(other.schemaById(first)).isEqualTo(PaymentEvent.getClassSchema());
        }
    }

    @Test
    void refuses_a_backward_incompatible_schema_with_409() throws Exception {
        Schema v1 = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"}]}""");
        Schema breaking = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":"long"}]}""");
        Schema compatible = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":"long","default":0}]}""");
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort()) {
            post(registry, "/subjects/t-value/versions", v1);

            HttpResponse<String> refused = post(registry, "/subjects/t-value/versions", breaking);
            HttpResponse<String> check = post(registry, "/compatibility/subjects/t-value/versions/latest", breaking);
            HttpResponse<String> accepted = post(registry, "/subjects/t-value/versions", compatible);

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(refused.body()).get("error_code").asInt()).isEqualTo(409);
            assertThat(JSON.readTree(check.body()).get("is_compatible").asBoolean()).isFalse();
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(get(registry, "/subjects/t-value/versions").toString()).isEqualTo("[1,2]");
        }
    }

    @Test
    void unknown_ids_and_subjects_answer_confluent_error_codes() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort()) {
            HttpResponse<String> id = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/schemas/ids/99")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> subject = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/x/versions")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(id.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(id.body()).get("error_code").asInt()).isEqualTo(40403);
            assertThat(JSON.readTree(subject.body()).get("error_code").asInt()).isEqualTo(40401);
        }
    }

    /**
     * A burst of records naming schema ids the registry does not know (issue 18's fuzz: raw bytes in Confluent framing)
     * must not cost one registry call per record per poll: each failed record makes the consumer poll its batch again
     * and deserialize every unknown id once more (4 s per dead-lettered record behind 200 of them). The 404 is
     * remembered for a while, so the second lookup is answered without the registry (here: after it stopped).
     */
    @Test
    void an_unknown_schema_id_is_remembered_as_unknown() throws Exception {
        RestSchemaRegistryClient client;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.startOnFreePort()) {
            client = new RestSchemaRegistryClient(registry.url(), Duration.ofSeconds(5));
            assertThatThrownBy(() -> client.schemaById(4242)).isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("404");
        }

        assertThatThrownBy(() -> client.schemaById(4242)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("404");
    }

    @Test
    void ids_survive_a_restart_when_persisted(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("registry.json");
        int id;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, state)) {
            new RestSchemaRegistryClient(registry.url(), Duration.ofSeconds(5)).register("a-value", PaymentEvent.getClassSchema());
            id = new RestSchemaRegistryClient(registry.url(), Duration.ofSeconds(5)).register("b-value", PaymentCommand.getClassSchema());
        }
        try (EmbeddedSchemaRegistry restarted = EmbeddedSchemaRegistry.start("127.0.0.1", 0, state)) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(restarted.url(), Duration.ofSeconds(5));

            assertThat(client.schemaById(id)).isEqualTo(PaymentCommand.getClassSchema());
            assertThat(client.register("b-value", PaymentCommand.getClassSchema())).isEqualTo(id);
        }
    }

    private JsonNode get(EmbeddedSchemaRegistry registry, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registry.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(EmbeddedSchemaRegistry registry, String path, Schema schema) throws Exception {
        String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
        return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
