package io.holdfast.localstack.merchant;

import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.localstack.Endpoints;
import io.holdfast.localstack.SandboxKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a merchant (and a buyer's browser) does at the Antom sandbox outside Kafka: vault a card to get a
 * {@code cardToken} (signed vaultPaymentMethod as the demo merchant), pass a 3DS challenge, and, for tests and
 * drills, move the sandbox clock and inject faults through {@code /sandbox/control/}.
 */
public final class SandboxMerchant {

    /** Antom's approving VISA test card. */
    public static final String APPROVING_CARD = "4054695723100768";
    private static final String VAULT_PATH = "/ams/api/v1/vaults/vaultPaymentMethod";

    private final String sandboxUrl;
    private final String ingestUrl;
    private final Signer signer;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public SandboxMerchant(Endpoints endpoints, Clock clock) throws IOException {
        this.sandboxUrl = endpoints.sandboxUrl();
        this.ingestUrl = endpoints.ingestUrl();
        this.signer = endpoints.sandboxKeys().merchantSigner();
        this.clock = clock;
    }

    /** Vaults a card as the demo merchant and returns its Antom cardToken (the card number never reaches Kafka). */
    public String vaultCard(String cardNumber) {
        ObjectNode body = json.createObjectNode();
        body.put("vaultingRequestId", "VAULT_" + UUID.randomUUID().toString().replace("-", ""));
        body.put("vaultingNotificationUrl", ingestUrl + "/alipay/notifications/vaulting");
        body.put("redirectUrl", "https://merchant.example/vaulted");
        ObjectNode detail = body.putObject("paymentMethodDetail");
        detail.put("paymentMethodType", "CARD");
        detail.putObject("card").put("cardNo", cardNumber).put("cvv", "123").put("expiryYear", "30")
                .put("expiryMonth", "12").putObject("cardholderName").put("fullName", "Demo Buyer");
        byte[] raw = json.writeValueAsBytes(body);
        String time = Long.toString(clock.millis());
        String signature = signer.sign(SignedContent.ofPost(VAULT_PATH, SandboxKeys.DEMO_CLIENT_ID, time, raw)).format();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxUrl + VAULT_PATH)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Client-Id", SandboxKeys.DEMO_CLIENT_ID).header("Request-Time", time)
                .header("Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        JsonNode reply = json.readTree(send(request).body());
        String token = reply.path("paymentMethodDetail").path("card").path("cardToken").asString(null);
        if (token == null) {
            throw new IllegalStateException("the sandbox did not vault the card: " + reply.path("result"));
        }
        return token;
    }

    /** The buyer passes the 3DS challenge on the page Antom redirected to ({@code PaymentActionRequired.redirectUrl}). */
    public void passChallenge(String redirectUrl) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(redirectUrl + "/complete"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 303) {
            throw new IllegalStateException("3DS completion answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The sandbox's current time. */
    public Instant sandboxNow() {
        return Instant.parse(control("GET", "clock", null).path("now").asString());
    }

    /** Moves the sandbox clock forward; the services follow it ({@code holdfast.clock.sandbox-url}). */
    public Instant advanceClock(Duration by) {
        ObjectNode body = json.createObjectNode().put("duration", by.toString());
        return Instant.parse(control("POST", "clock/advance", body).path("now").asString());
    }

    /**
     * Injects a fault into the next {@code count} calls of an Antom API ({@code pay}, {@code capture}, ...), e.g.
     * {@code UNKNOWN_EXCEPTION} with {@code apply=true}: Antom did it but answered "unknown". Returns the fault id.
     */
    public long injectFault(String api, String kind, int count, boolean apply) {
        ObjectNode body = json.createObjectNode().put("api", api).put("kind", kind).put("count", count).put("apply", apply);
        return control("POST", "faults", body).path("id").asLong();
    }

    /**
     * The next {@code count} calls of an Antom API are applied at once but answered {@code latency} later (a slow
     * Antom: the operation is in the ledger while the caller still waits). Returns the fault id.
     */
    public long injectLatency(String api, int count, Duration latency) {
        ObjectNode body = json.createObjectNode().put("api", api).put("kind", "LATENCY").put("count", count)
                .put("apply", true).put("latency", latency.toString());
        return control("POST", "faults", body).path("id").asLong();
    }

    /**
     * The next {@code count} Antom notifications are first attempted {@code by} later on the sandbox clock (held
     * back: with a long delay only an inquiry tells Holdfast the result).
     */
    public void delayNextNotifications(int count, Duration by) {
        ObjectNode body = json.createObjectNode().put("kind", "DELAY").put("count", count).put("delay", by.toString());
        control("POST", "notifications/faults", body);
    }

    /** The next {@code count} Antom notifications are never sent (lost for good: only an inquiry finds the result). */
    public void dropNextNotifications(int count) {
        ObjectNode body = json.createObjectNode().put("kind", "DROP").put("count", count);
        control("POST", "notifications/faults", body);
    }

    /** Makes every refund in process at the sandbox final now (notifyRefund follows); how many. */
    public int completeRefunds() {
        return control("POST", "refunds/complete", null).path("completed").asInt();
    }

    public void clearFaults() {
        control("DELETE", "faults", null);
    }

    /** Ends the notification faults still pending (those of {@link #delayNextNotifications} not yet used up). */
    public void clearNotificationFaults() {
        control("DELETE", "notifications/faults", null);
    }

    /** Every operation the sandbox applied (JSON array), for assertions and the demo. */
    public JsonNode ledger() {
        return control("GET", "ledger", null);
    }

    /**
     * The sandbox's own time so far (JSON object): per API ({@code PAY}, {@code CANCEL}, …) and for notifications
     * ({@code NOTIFY}), a {@code count} and {@code totalMicros}. What a benchmark subtracts as "Antom's" latency.
     */
    public JsonNode servingTimes() {
        return control("GET", "timings", null);
    }

    private JsonNode control(String method, String route, ObjectNode body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/control/" + route))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, publisher).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " /sandbox/control/" + route + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the sandbox at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
