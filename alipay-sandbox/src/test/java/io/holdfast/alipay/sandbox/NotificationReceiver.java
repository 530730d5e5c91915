package io.holdfast.alipay.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.sandbox.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** A merchant webhook endpoint for tests: records every notification and answers a configurable reply. */
final class NotificationReceiver implements AutoCloseable {

    static final String ACK = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    /** One received notification. */
    record Received(String path, String clientId, String requestTime, String signature, byte[] body) {

        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }

        boolean verifies(PublicKey sandboxKey) {
            return KeyRing.single(sandboxKey).verify(SignedContent.ofPost(path, clientId, requestTime, body), signature);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> reply = new AtomicReference<>(ACK);

    NotificationReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("client-id"),
                    exchange.getRequestHeaders().getFirst("request-time"),
                    exchange.getRequestHeaders().getFirst("signature"), body));
            byte[] answer = reply.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/antom/notify";
    }

    void reply(String body) {
        reply.set(body);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<JsonNode> bodiesFor(String paymentId) {
        return received.stream().map(Received::json).filter(n -> paymentId.equals(n.path("paymentId").asString(null)))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
