package io.holdfast.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.localstack.LocalStack;
import io.holdfast.localstack.RunningStack;
import io.holdfast.localstack.demo.BoardDemo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * payment-view in the whole stack: a payment authorized and captured through the edge's HTTP API is read back through
 * the edge's merchant read API, answered by the read model, with the status capture-service's event gave it; the
 * console reads nothing without a login.
 */
class PaymentViewSystemTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_merchant_reads_its_payment_from_the_read_model_through_the_edge_as_it_is_authorized_then_captured() {
        RunningStack stack = TestStack.requireAll().stack();
        String id = "demo-view-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(post(stack, id, "authorize", BoardDemo.authorizeBody(id, 1250, "CAPTURE")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(stack, id).body().contains("\"status\":\"AUTHORIZED\""));
        assertThat(read(stack, id).body()).contains("\"captureMode\":\"MANUAL\"").contains("405469******0768");

        assertThat(post(stack, id, "capture", "{\"amount\":{\"valueMinor\":1250,\"currency\":\"USD\"}}").statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(stack, id).body().contains("\"status\":\"CAPTURED\""));

        HttpResponse<String> console = get(stack.consoleUrl(), null);
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private static HttpResponse<String> read(RunningStack stack, String id) {
        return get(stack.ingestUrl() + "/v1/payments/" + id, LocalStack.DEMO_MERCHANT_API_KEY);
    }

    private static HttpResponse<String> post(RunningStack stack, String id, String action, String body) {
        return send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/v1/payments/" + id + "/" + action))
                .header("Authorization", "Bearer " + LocalStack.DEMO_MERCHANT_API_KEY)
                .header("Content-Type", "application/json").header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> get(String url, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
