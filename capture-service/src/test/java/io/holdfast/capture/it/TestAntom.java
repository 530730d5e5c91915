package io.holdfast.capture.it;

import com.sun.net.httpserver.HttpServer;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.AlipaySandbox;
import io.holdfast.alipay.sandbox.core.LedgerEntry;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Antom side of the integration tests: the alipay-sandbox (its clock moved in step with the service's), a
 * merchant that pays (signed HTTP), and a webhook endpoint that keeps notifyCapture bodies for the test to forward.
 */
final class TestAntom implements AutoCloseable {

    static final String CLIENT_ID = "HOLDFAST_CAPTURE_IT";
    /** Generated once per test JVM; TEST-ONLY. */
    static final KeyPair MERCHANT_KEYS = AlipayKeys.generate(new SecureRandom());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A payment authorized on the sandbox. */
    record Authorized(String paymentRequestId, String paymentId, long valueMinor, Instant paymentTime,
            Instant authExpiryTime) {
    }

    /** A notification body as the sandbox sent it. */
    record Received(String requestTime, byte[] body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    final AlipaySandbox sandbox;
    private final HttpServer webhook;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Signer signer = new Signer(MERCHANT_KEYS.getPrivate(), 1);
    private final AtomicLong requestTime = new AtomicLong(1_700_000_000_000L);

    TestAntom(Clock start) {
        sandbox = AlipaySandbox.builder().client(CLIENT_ID, MERCHANT_KEYS.getPublic()).clock(start).httpsPort(null)
                .start();
        try {
            webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webhook.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("request-time"),
                    exchange.getRequestBody().readAllBytes()));
            byte[] ack = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ack.length);
            exchange.getResponseBody().write(ack);
            exchange.close();
        });
        webhook.start();
    }

    String notifyUrl() {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/antom/notify";
    }

    /** Points the service at this sandbox: gateway, client id, the test-only keys, plain HTTP. */
    void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same as properties. */
    Map<String, String> properties() {
        return Map.of("holdfast.alipay.base-url", sandbox.baseUrl(),
                "holdfast.alipay.client-id", CLIENT_ID,
                "holdfast.alipay.merchant-private-key", AlipayKeys.toBase64(MERCHANT_KEYS.getPrivate()),
                "holdfast.alipay.alipay-public-key", AlipayKeys.toBase64(sandbox.sandboxPublicKey()),
                "holdfast.alipay.allow-plain-http", "true");
    }

    /** Pays {@code valueMinor} USD with a sandbox test card; MANUAL or AUTOMATIC capture. */
    Authorized pay(String paymentRequestId, long valueMinor, String captureMode, boolean notify) {
        String card = "{\"paymentMethodType\":\"CARD\",\"paymentMethodMetaData\":{\"cardNo\":\"4054695723100768\","
                + "\"cvv\":\"123\",\"expiryYear\":\"30\",\"expiryMonth\":\"06\",\"is3DSAuthentication\":false,"
                + "\"cardholderName\":{\"firstName\":\"Test\",\"lastName\":\"Buyer\"}}}";
        String amount = "{\"currency\":\"USD\",\"value\":\"" + valueMinor + "\"}";
        String body = "{\"productCode\":\"CASHIER_PAYMENT\",\"paymentRequestId\":\"" + paymentRequestId + "\","
                + "\"paymentAmount\":" + amount + ",\"order\":{\"referenceOrderId\":\"" + referenceOrderId(paymentRequestId)
                + "\",\"orderDescription\":\"capture IT\",\"orderAmount\":" + amount + "},"
                + "\"paymentMethod\":" + card + ",\"paymentFactor\":{\"isAuthorization\":true,\"captureMode\":\""
                + captureMode + "\"},\"paymentRedirectUrl\":\"https://merchant.example/return\","
                + (notify ? "\"paymentNotifyUrl\":\"" + notifyUrl() + "\"," : "")
                + "\"env\":{\"terminalType\":\"WEB\",\"clientIp\":\"1.2.3.4\"}}";
        JsonNode reply = post("/ams/api/v1/payments/pay", body);
        if (!"S".equals(reply.path("result").path("resultStatus").asString())) {
            throw new IllegalStateException("sandbox pay failed: " + reply);
        }
        return new Authorized(paymentRequestId, reply.path("paymentId").asString(), valueMinor,
                time(reply.path("paymentTime").asString(null), sandbox.control().now()),
                time(reply.path("authExpiryTime").asString(null), null));
    }

    /** The order id: {@code o-<paymentRequestId>} while that fits Antom's 64 characters, else the id itself. */
    private static String referenceOrderId(String paymentRequestId) {
        return paymentRequestId.length() <= 62 ? "o-" + paymentRequestId : paymentRequestId;
    }

    /** The notifyCapture bodies received for a payment. */
    List<Received> captureNotifications(String paymentId) {
        return received.stream().filter(r -> paymentId.equals(r.json().path("paymentId").asString(null))
                && "CAPTURE_RESULT".equals(r.json().path("notifyType").asString(null))).toList();
    }

    /** The notifyRefund bodies received for a refund (they carry no paymentId). */
    List<Received> refundNotifications(String refundRequestId) {
        return received.stream().filter(r -> refundRequestId.equals(r.json().path("refundRequestId").asString(null))
                && "REFUND_RESULT".equals(r.json().path("notifyType").asString(null))).toList();
    }

    /** Refund requests the sandbox applied for a payment (replays and refusals excluded). */
    List<LedgerEntry> appliedRefunds(String paymentId) {
        return sandbox.control().ledger().stream()
                .filter(e -> e.operation() == LedgerOperation.REFUND && paymentId.equals(e.paymentId())
                        && !e.replay() && !"F".equals(e.result().resultStatus()))
                .toList();
    }

    /** Capture requests the sandbox processed for a payment (answers replayed from a first request excluded). */
    List<LedgerEntry> appliedCaptures(String paymentId) {
        return sandbox.control().ledger().stream()
                .filter(e -> e.operation() == LedgerOperation.CAPTURE && paymentId.equals(e.paymentId())
                        && !e.replay())
                .toList();
    }

    private JsonNode post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String time = Long.toString(requestTime.incrementAndGet());
        String signature = signer.sign(SignedContent.ofPost(path, CLIENT_ID, time, body)).format();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json; charset=UTF-8")
                .header("Client-Id", CLIENT_ID).header("Request-Time", time).header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Instant time(String value, Instant fallback) {
        return value == null || value.isBlank() ? fallback : OffsetDateTime.parse(value).toInstant();
    }

    @Override
    public void close() {
        webhook.stop(0);
        sandbox.close();
    }
}
