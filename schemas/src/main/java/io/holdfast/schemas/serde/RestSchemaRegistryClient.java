package io.holdfast.schemas.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the Confluent-compatible schema-registry REST API ({@code POST /subjects/{subject}/versions},
 * {@code POST /subjects/{subject}}, {@code GET /schemas/ids/{id}}), as served by Confluent Schema Registry, Apicurio
 * Registry's {@code /apis/ccompat/v7} and Holdfast's {@link io.holdfast.schemas.registry.EmbeddedSchemaRegistry}.
 * Ids and schemas are cached for the life of the client: ids are immutable in every such registry.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** How long a 404 for a schema id is believed (a registry assigns ids once; a new one may appear later). */
    static final Duration UNKNOWN_FOR = Duration.ofSeconds(60);
    static final int UNKNOWN_MAX = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    /** Ids the registry answered 404 for, with when to ask again (monotonic nanos); bounded by {@link #UNKNOWN_MAX}. */
    private final Map<Integer, Long> unknownIds = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(String baseUrl, Duration timeout) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, () -> post("subjects/" + encode(subject) + "/versions", schema).get("id").asInt());
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return cachedId(subject, schema, () -> post("subjects/" + encode(subject), schema).get("id").asInt());
    }

    /**
     * The schema with this id. An id the registry does not know (404) is remembered as unknown for
     * {@link #UNKNOWN_FOR}: a consumer polls a batch again after every failed record, and without this each record
     * naming an unknown id would cost one registry call per poll (records of a hostile or buggy producer; issue 18).
     */
    @Override
    public Schema schemaById(int id) {
        Long retryAt = unknownIds.get(id);
        if (retryAt != null && System.nanoTime() - retryAt < 0) {
            throw new SchemaRegistryException("schema registry answered 404 for schema id " + id + " (remembered)",
                    404);
        }
        try {
            return schemasById.computeIfAbsent(id, key -> {
                JsonNode body = send(HttpRequest.newBuilder(baseUrl.resolve("schemas/ids/" + key)).GET());
                return new Schema.Parser().parse(body.get("schema").asString());
            });
        } catch (SchemaRegistryException e) {
            if (e.status() == 404) {
                if (unknownIds.size() >= UNKNOWN_MAX) {
                    unknownIds.clear();
                }
                unknownIds.put(id, System.nanoTime() + UNKNOWN_FOR.toNanos());
            }
            throw e;
        }
    }

    private int cachedId(String subject, Schema schema, IdFetch fetch) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, key -> new ConcurrentHashMap<>());
        Integer known = ids.get(schema);
        if (known != null) {
            return known;
        }
        int id = fetch.fetch();
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private JsonNode post(String path, Schema schema) {
        String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
        return send(HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).header("Accept", CONTENT_TYPE).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " unreachable: " + e.getMessage(), -1, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while calling the schema registry", -1, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException("schema registry answered " + response.statusCode() + ": " + response.body(),
                    response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface IdFetch {
        int fetch();
    }
}
