package io.holdfast.authorization.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands where notification-ingest would: receives the sandbox's notifications, acknowledges them and keeps them,
 * so a test decides which ones reach Kafka (an unknown outcome must be resolved by the reconciler, not by a
 * notification that happens to arrive).
 */
final class NotificationCatcher implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] ACK = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}"
            .getBytes(StandardCharsets.UTF_8);

    /** One received notification: its raw body and parsed JSON. */
    record Received(String body, JsonNode json) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    NotificationCatcher() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/notify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, JSON.readTree(body)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ACK.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ACK);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** The notifyPayment results received for a payment. */
    List<Received> paymentResults(String paymentRequestId) {
        return received.stream()
                .filter(r -> "PAYMENT_RESULT".equals(r.json().path("notifyType").asString(""))
                        && paymentRequestId.equals(r.json().path("paymentRequestId").asString("")))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
