package io.holdfast.alipay.sandbox.http;

import io.holdfast.alipay.sandbox.core.Json;
import java.nio.charset.StandardCharsets;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/** Small helpers to finish a reactor-netty response. */
final class HttpReplies {

    static final String JSON = "application/json; charset=UTF-8";

    private HttpReplies() {
    }

    static Publisher<Void> bytes(HttpServerResponse response, int status, String contentType, byte[] body) {
        return response.status(status).header("Content-Type", contentType).sendByteArray(Mono.just(body)).then();
    }

    static Publisher<Void> json(HttpServerResponse response, int status, JsonNode body) {
        return bytes(response, status, JSON, Json.MAPPER.writeValueAsBytes(body));
    }

    static Publisher<Void> text(HttpServerResponse response, int status, String contentType, String body) {
        return bytes(response, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
