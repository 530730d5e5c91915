package io.holdfast.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schema registry serving the Confluent REST API subset that Avro clients use, for the local stack and tests
 * (no registry server can run here; in Kubernetes, Apicurio Registry's ccompat API takes its place). Serves:
 * {@code POST /subjects/{s}/versions}, {@code POST /subjects/{s}}, {@code GET /schemas/ids/{id}},
 * {@code GET /subjects}, {@code GET /subjects/{s}/versions}, {@code GET /subjects/{s}/versions/{v|latest}},
 * {@code GET|PUT /config[/{s}]} and {@code POST /compatibility/subjects/{s}/versions/{v|latest}}. Errors use
 * Confluent's {@code {"error_code", "message"}} body. Compatibility is BACKWARD by default, as in production.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemaStore store;
    private final HttpServer server;
    private final ExecutorService executor;

    private EmbeddedSchemaRegistry(SchemaStore store, HttpServer server, ExecutorService executor) {
        this.store = store;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a registry on {@code host:port} (port 0 = any free port).
     *
     * @param stateFile where to persist subjects and ids, or null to keep them in memory only
     */
    public static EmbeddedSchemaRegistry start(String host, int port, Path stateFile) throws IOException {
        SchemaStore store = new SchemaStore(stateFile);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "schema-registry");
            thread.setDaemon(true);
            return thread;
        });
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(store, server, executor);
        server.createContext("/", registry::handle);
        server.setExecutor(executor);
        server.start();
        log.info("Schema registry (Confluent REST API) listening on {}", registry.url());
        return registry;
    }

    public static EmbeddedSchemaRegistry startOnFreePort() throws IOException {
        return start("127.0.0.1", 0, null);
    }

    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = route(exchange.getRequestMethod(), segments(exchange), readBody(exchange.getRequestBody()));
            } catch (JacksonException | SchemaParseException | IllegalArgumentException e) {
                reply = error(422, 42201, "Invalid schema or request: " + e.getMessage());
            }
            byte[] body = JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Reply route(String method, String[] path, String body) {
        String root = path.length == 0 ? "" : path[0];
        return switch (root) {
            case "schemas" -> schemas(method, path);
            case "subjects" -> path.length == 1 ? subjectList(method) : subjects(method, path, body);
            case "config" -> config(method, path, body);
            case "compatibility" -> compatibility(method, path, body);
            default -> error(404, 404, "Not found");
        };
    }

    /** {@code GET /schemas/ids/{id}} (and the older {@code GET /schemas/{id}}). */
    private Reply schemas(String method, String[] path) {
        boolean byId = path.length == 3 && path[1].equals("ids") || path.length == 2;
        if (!method.equals("GET") || !byId) {
            return error(404, 404, "Not found");
        }
        return idOf(path[path.length - 1]).flatMap(store::schemaById)
                .map(schema -> ok(Map.of("schema", schema)))
                .orElseGet(() -> error(404, 40403, "Schema not found"));
    }

    private Reply subjectList(String method) {
        return method.equals("GET") ? ok(store.subjects()) : error(405, 405, "Method not allowed");
    }

    /** {@code GET|PUT /config} and {@code GET|PUT /config/{subject}}. */
    private Reply config(String method, String[] path, String body) {
        String subject = path.length > 1 ? path[1] : null;
        if (method.equals("GET")) {
            return ok(Map.of("compatibilityLevel", store.level(subject).name()));
        }
        if (method.equals("PUT")) {
            CompatibilityLevel level = CompatibilityLevel.valueOf(JSON.readTree(body).get("compatibility").asString());
            store.setLevel(subject, level);
            return ok(Map.of("compatibility", level.name()));
        }
        return error(405, 405, "Method not allowed");
    }

    /** {@code POST /compatibility/subjects/{subject}/versions/{version|latest}}. */
    private Reply compatibility(String method, String[] path, String body) {
        if (path.length != 5 || !method.equals("POST")) {
            return error(404, 404, "Not found");
        }
        return ok(Map.of("is_compatible", store.compatible(path[2], schemaOf(body), path[4])));
    }

    private Reply subjects(String method, String[] path, String body) {
        String subject = path[1];
        if (path.length == 2 && method.equals("POST")) {
            return store.lookup(subject, schemaOf(body))
                    .map(v -> ok(versionBody(v)))
                    .orElseGet(() -> error(404, 40403, "Schema not found"));
        }
        if (path.length == 3 && path[2].equals("versions") && method.equals("POST")) {
            SchemaStore.Registration registration = store.register(subject, schemaOf(body));
            if (registration instanceof SchemaStore.Registration.Incompatible incompatible) {
                return error(409, 409, incompatible.message());
            }
            return ok(Map.of("id", ((SchemaStore.Registration.Registered) registration).id()));
        }
        if (path.length == 3 && path[2].equals("versions") && method.equals("GET")) {
            return store.versions(subject).map(this::ok).orElseGet(() -> error(404, 40401, "Subject not found"));
        }
        if (path.length == 4 && path[2].equals("versions") && method.equals("GET")) {
            return store.version(subject, path[3]).map(v -> ok(versionBody(v)))
                    .orElseGet(() -> error(404, 40402, "Version not found"));
        }
        return error(404, 404, "Not found");
    }

    private static Map<String, Object> versionBody(SchemaStore.Version version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.id());
        body.put("schema", version.schema());
        return body;
    }

    private static Schema schemaOf(String body) {
        JsonNode request = JSON.readTree(body);
        JsonNode type = request.get("schemaType");
        if (type != null && !type.asString().equals("AVRO")) {
            throw new IllegalArgumentException("only AVRO schemas are supported");
        }
        return SchemaStore.parse(request.get("schema").asString());
    }

    private static java.util.Optional<Integer> idOf(String text) {
        try {
            return java.util.Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String[] segments(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        String trimmed = raw.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        String[] parts = trimmed.split("/");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return parts;
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(4 * 1024 * 1024);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Reply ok(Object body) {
        return new Reply(200, body);
    }

    private static Reply error(int status, int code, String message) {
        return new Reply(status, Map.of("error_code", code, "message", message));
    }

    private record Reply(int status, Object body) {
    }
}
