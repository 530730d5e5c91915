package io.holdfast.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's control API over HTTP ({@code /sandbox/control/}), as the chaos runner uses it. */
final class SandboxControlClient {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    SandboxControlClient(String sandboxUrl) {
        this.baseUrl = sandboxUrl + "/sandbox/control/";
    }

    /** An API fault for the next {@code count} calls ({@code api} null: any API). */
    void apiFault(String api, String kind, int count, Boolean apply, Duration latency) {
        StringBuilder body = new StringBuilder("{\"kind\":\"").append(kind).append("\",\"count\":").append(count);
        if (api != null) {
            body.append(",\"api\":\"").append(api).append('"');
        }
        if (apply != null) {
            body.append(",\"apply\":").append(apply);
        }
        if (latency != null) {
            body.append(",\"latency\":\"").append(latency).append('"');
        }
        call("POST", "faults", body.append('}').toString());
    }

    /** A notification fault: DUPLICATE, REORDER, DELAY (with {@code delay}) or DROP, for the next {@code count}. */
    void notificationFault(String kind, int count, Duration delay) {
        String body = "{\"kind\":\"" + kind + "\",\"count\":" + count
                + (delay == null ? "" : ",\"delay\":\"" + delay + "\"") + "}";
        call("POST", "notifications/faults", body);
    }

    /** Ends every pending fault and sends the notifications held back by reorder faults. */
    void clearAllFaults() {
        call("DELETE", "faults", null);
        call("DELETE", "notifications/faults", null);
        call("POST", "notifications/release-held", null);
    }

    Instant advanceClock(Duration by) {
        return Instant.parse(call("POST", "clock/advance", "{\"duration\":\"" + by + "\"}").path("now").asString());
    }

    Instant now() {
        return Instant.parse(call("GET", "clock", null).path("now").asString());
    }

    JsonNode ledger() {
        return call("GET", "ledger", null);
    }

    JsonNode deliveries() {
        return call("GET", "notifications", null);
    }

    private JsonNode call(String method, String route, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + route)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + route + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the sandbox control API at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
