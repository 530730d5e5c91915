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
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Antom's notification endpoints: {@code POST /alipay/notifications/payment}, {@code /capture}, {@code /vaulting}.
 * Answers Antom's fixed success body only after the notification is on Kafka; 4xx with a reason for refused ones;
 * 503 when Kafka did not confirm, so Antom resends.
 */
@RestController
public final class NotificationController {

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

    @PostMapping("/alipay/notifications/{segment}")
    public Mono<ResponseEntity<byte[]>> receive(@PathVariable String segment, ServerHttpRequest request) {
        NotificationKind kind = NotificationKind.fromSegment(segment);
        if (kind == null) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        HttpHeaders headers = request.getHeaders();
        String clientId = headers.getFirst("client-id");
        if (Bodies.declaredTooLarge(request, maxRequestBytes)) {
            return Mono.just(answer(ingestion.refuse(kind, RejectionReason.TOO_LARGE, "body too large", clientId)));
        }
        String query = request.getURI().getRawQuery();
        String signedPath = request.getURI().getRawPath() + (query == null ? "" : "?" + query);
        return Bodies.read(request, maxRequestBytes)
                .flatMap(body -> ingestion.ingest(new InboundNotification(kind, signedPath, clientId,
                        headers.getFirst("request-time"), headers.getFirst("signature"), body)))
                .onErrorResume(DataBufferLimitException.class,
                        e -> Mono.just(ingestion.refuse(kind, RejectionReason.TOO_LARGE, "body too large", clientId)))
                .map(this::answer);
    }

    private ResponseEntity<byte[]> answer(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Acknowledged) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SUCCESS_BYTES);
        }
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            return ResponseEntity.status(rejected.reason().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                    .body(result(rejected.reason().tag(), "F", rejected.detail()));
        }
        if (outcome instanceof IngestOutcome.NotStored notStored) {
            return ResponseEntity.status(503).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(result("NOT_STORED", "U", notStored.detail()));
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
