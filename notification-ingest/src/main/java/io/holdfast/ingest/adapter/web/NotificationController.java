package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.application.NotificationIngestion;
import io.holdfast.ingest.domain.notification.InboundNotification;
import io.holdfast.ingest.domain.notification.IngestOutcome;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Antom's notification endpoints: {@code POST /alipay/notifications/payment}, {@code /capture}, {@code /vaulting},
 * {@code /refund}.
 * Answers Antom's fixed success body only after the notification is on Kafka; 4xx with a reason for refused ones;
 * 503 when Kafka did not confirm, so Antom resends.
 *
 * <p>A functional route rather than an annotated controller: this is the hot path (thousands per second), and the
 * route skips the per-request argument resolution and content negotiation of annotated handlers.
 */
public final class NotificationController {

    public static final String ROUTE = "/alipay/notifications/{segment}";

    /** Antom's fixed acknowledgement (reference 7.4), byte for byte. */
    public static final String SUCCESS_BODY =
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";
    private static final byte[] SUCCESS_BYTES = SUCCESS_BODY.getBytes(StandardCharsets.UTF_8);

    private final NotificationIngestion ingestion;
    private final JsonMapper json;
    private final int maxRequestBytes;

    public NotificationController(NotificationIngestion ingestion, JsonMapper json, WebLimits limits) {
        this.ingestion = ingestion;
        this.json = json;
        this.maxRequestBytes = limits.maxRequestBytes();
    }

    /** The route to register. */
    public RouterFunction<ServerResponse> route() {
        return RouterFunctions.route(RequestPredicates.POST(ROUTE), this::receive);
    }

    Mono<ServerResponse> receive(ServerRequest serverRequest) {
        NotificationKind kind = NotificationKind.fromSegment(serverRequest.pathVariable("segment"));
        if (kind == null) {
            return ServerResponse.notFound().build();
        }
        return receive(kind, serverRequest.exchange().getRequest());
    }

    private Mono<ServerResponse> receive(NotificationKind kind, ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        String clientId = headers.getFirst("client-id");
        if (Bodies.declaredTooLarge(request, maxRequestBytes)) {
            return answer(ingestion.refuse(kind, RejectionReason.TOO_LARGE, "body too large", clientId));
        }
        String query = request.getURI().getRawQuery();
        String signedPath = request.getURI().getRawPath() + (query == null ? "" : "?" + query);
        return Bodies.read(request, maxRequestBytes)
                .flatMap(body -> ingestion.ingest(new InboundNotification(kind, signedPath, clientId,
                        headers.getFirst("request-time"), headers.getFirst("signature"), body)))
                .onErrorResume(DataBufferLimitException.class,
                        e -> Mono.just(ingestion.refuse(kind, RejectionReason.TOO_LARGE, "body too large", clientId)))
                .flatMap(this::answer);
    }

    private Mono<ServerResponse> answer(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Acknowledged) {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(SUCCESS_BYTES);
        }
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            return ServerResponse.status(rejected.reason().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(result(rejected.reason().tag(), "F", rejected.detail()));
        }
        if (outcome instanceof IngestOutcome.NotStored notStored) {
            return ServerResponse.status(503).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .bodyValue(result("NOT_STORED", "U", notStored.detail()));
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    private byte[] result(String code, String status, String message) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("resultCode", code);
        result.put("resultStatus", status);
        result.put("resultMessage", message);
        return json.writeValueAsBytes(Map.of("result", result));
    }
}
