package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.application.NotificationIngestion;
import io.holdfast.ingest.domain.notification.InboundNotification;
import io.holdfast.ingest.domain.notification.IngestOutcome;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.RejectionReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Antom's notification endpoints: {@code POST /alipay/notifications/payment}, {@code /capture}, {@code /vaulting},
 * {@code /refund}. Answers Antom's fixed success body only after the notification is on Kafka; 4xx with a reason for
 * refused ones; 503 when Kafka did not confirm, so Antom resends.
 *
 * <p>A reactor-netty route, tried by the server before the WebFlux handler ({@link NettyRouteProvider}): this is the
 * hot path (thousands per second), and a profile showed WebFlux's exchange, filter chain, handler mapping, codecs and
 * response writing costing more CPU than the notification's own work. Every other URL (merchant API, actuator,
 * OpenAPI, an unknown notification URL) falls through to WebFlux.
 */
public final class NotificationRoute implements NettyRouteProvider {

    public static final String PREFIX = "/alipay/notifications/";

    /** Antom's fixed acknowledgement (reference 7.4), byte for byte. */
    public static final String SUCCESS_BODY =
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";
    private static final byte[] SUCCESS_BYTES = SUCCESS_BODY.getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "application/json";
    private static final Logger log = LoggerFactory.getLogger(NotificationRoute.class);

    private final NotificationIngestion ingestion;
    private final JsonMapper json;
    private final int maxRequestBytes;

    public NotificationRoute(NotificationIngestion ingestion, JsonMapper json, WebLimits limits) {
        this.ingestion = ingestion;
        this.json = json;
        this.maxRequestBytes = limits.maxRequestBytes();
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(request -> request.method() == HttpMethod.POST && kindOf(request.uri()) != null,
                this::receive);
    }

    /**
     * The kind whose URL the request target names, exactly (query aside); null for any other target. An absolute-form
     * target ({@code http://host/path}) is reduced to its path, as WebFlux does.
     */
    static NotificationKind kindOf(String target) {
        String path = path(target);
        return path.startsWith(PREFIX) ? NotificationKind.fromSegment(path.substring(PREFIX.length())) : null;
    }

    /** The path and query as called (the signed path): the request target without scheme, authority or fragment. */
    static String signedPath(String target) {
        int fragment = target.indexOf('#');
        String pathAndQuery = fragment < 0 ? target : target.substring(0, fragment);
        int scheme = pathAndQuery.indexOf("://");
        if (scheme >= 0 && !pathAndQuery.startsWith("/")) {
            int slash = pathAndQuery.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : pathAndQuery.substring(slash);
        }
        return pathAndQuery;
    }

    private static String path(String target) {
        String pathAndQuery = signedPath(target);
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private Publisher<Void> receive(HttpServerRequest request, HttpServerResponse response) {
        NotificationKind kind = kindOf(request.uri());
        HttpHeaders headers = request.requestHeaders();
        String clientId = headers.get("client-id");
        long declared = contentLength(headers);
        if (declared > maxRequestBytes) {
            return answer(response, ingestion.refuse(kind, RejectionReason.TOO_LARGE, "body too large", clientId));
        }
        String signedPath = signedPath(request.uri());
        return request.receive()
                .collect(() -> new Body(declared, maxRequestBytes), Body::append)
                .flatMap(body -> Mono.fromFuture(ingestion.ingest(new InboundNotification(kind, signedPath, clientId,
                        headers.get("request-time"), headers.get("signature"), body.bytes()))))
                .onErrorResume(TooLarge.class,
                        e -> Mono.just(ingestion.refuse(kind, RejectionReason.TOO_LARGE, "body too large", clientId)))
                .map(outcome -> answer(response, outcome))
                .onErrorResume(error -> {
                    // nothing is known to be stored (a body cut short, or a defect): never the success body, and a
                    // 503 so that Antom resends
                    log.warn("notification route failed ({}): {}", kind, error.toString());
                    return Mono.just(send(response, HttpResponseStatus.SERVICE_UNAVAILABLE,
                            result("NOT_STORED", "U", "not stored: " + error.getClass().getSimpleName())));
                })
                .flatMap(Mono::from);
    }

    private static long contentLength(HttpHeaders headers) {
        String value = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Publisher<Void> answer(HttpServerResponse response, IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Acknowledged) {
            return send(response, HttpResponseStatus.OK, SUCCESS_BYTES);
        }
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            return send(response, HttpResponseStatus.valueOf(rejected.reason().httpStatus()),
                    result(rejected.reason().tag(), "F", rejected.detail()));
        }
        if (outcome instanceof IngestOutcome.NotStored notStored) {
            response.header(HttpHeaderNames.RETRY_AFTER, "5");
            return send(response, HttpResponseStatus.SERVICE_UNAVAILABLE,
                    result("NOT_STORED", "U", notStored.detail()));
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    private static Publisher<Void> send(HttpServerResponse response, HttpResponseStatus status, byte[] body) {
        ByteBuf content = Unpooled.wrappedBuffer(body);
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, JSON)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .sendObject(content);
    }

    private byte[] result(String code, String status, String message) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("resultCode", code);
        result.put("resultStatus", status);
        result.put("resultMessage", message);
        return json.writeValueAsBytes(Map.of("result", result));
    }

    /** The body over the limit (a chunked body, or one longer than its Content-Length said). */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("body too large", null, false, false);
        }
    }

    /** The body's exact bytes, copied out of Netty's buffers as they arrive, refusing more than the limit. */
    private static final class Body {
        private final int limit;
        private byte[] bytes;
        private int size;

        Body(long declared, int limit) {
            this.limit = limit;
            this.bytes = new byte[declared > 0 ? (int) declared : 0];
        }

        void append(ByteBuf chunk) {
            int n = chunk.readableBytes();
            if (size + n > limit) {
                throw new TooLarge();
            }
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + n, bytes.length * 2)));
            }
            chunk.readBytes(bytes, size, n);
            size += n;
        }

        byte[] bytes() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
