package io.holdfast.alipay.sandbox.contract;

import com.sun.net.httpserver.HttpServer;
import io.holdfast.alipay.client.AlipayJson;
import io.holdfast.alipay.client.notification.NotificationHeaders;
import io.holdfast.alipay.client.notification.NotificationVerification;
import io.holdfast.alipay.client.notification.NotificationVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * The merchant's notification endpoint in the contract suite: verifies every notification with alipay-client's
 * {@link NotificationVerifier} over the raw bytes and acknowledges only verified ones, as a service would.
 */
public final class ContractWebhook implements AutoCloseable {

    static final String PATH = "/antom/notify";
    private static final byte[] ACK = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}"
            .getBytes(StandardCharsets.UTF_8);

    /** One notification as received, with the verifier's verdict. */
    public record Received(String path, NotificationVerification verification, byte[] body) {

        JsonNode json() {
            return AlipayJson.mapper().readTree(body);
        }

        String notifyType() {
            return json().path("notifyType").asString();
        }

        <T> T as(Class<T> type) {
            return AlipayJson.mapper().readValue(body, type);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public ContractWebhook(NotificationVerifier verifier) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            NotificationVerification verification = verifier.verify(path, new NotificationHeaders(
                    exchange.getRequestHeaders().getFirst("client-id"),
                    exchange.getRequestHeaders().getFirst("request-time"),
                    exchange.getRequestHeaders().getFirst("signature")), body);
            received.add(new Received(path, verification, body));
            boolean verified = verification instanceof NotificationVerification.Verified;
            byte[] answer = verified ? ACK : new byte[0];
            exchange.sendResponseHeaders(verified ? 200 : 401, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Waits until {@code count} notifications for {@code paymentId} have arrived; returns them in arrival order. */
    List<Received> await(String paymentId, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> forPayment(paymentId).size() >= count);
        return forPayment(paymentId);
    }

    /** Waits for the notifyRefund of {@code refundRequestId} (notifyRefund carries no paymentId). */
    Received awaitRefund(String refundRequestId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                .anyMatch(r -> refundRequestId.equals(r.json().path("refundRequestId").asString(null))));
        return received.stream().filter(r -> refundRequestId.equals(r.json().path("refundRequestId").asString(null)))
                .findFirst().orElseThrow();
    }

    List<Received> forPayment(String paymentId) {
        return received.stream().filter(r -> paymentId.equals(r.json().path("paymentId").asString(null))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
