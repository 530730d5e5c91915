package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.application.IngestMetrics;
import io.holdfast.ingest.domain.FieldViolation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Builds and counts merchant API error answers, for controllers and for filters (which write bytes directly). */
public final class ErrorResponses {

    private final JsonMapper json;
    private final IngestMetrics metrics;

    public ErrorResponses(JsonMapper json, IngestMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public ResponseEntity<Object> entity(HttpStatus status, ApiError error) {
        metrics.merchantRequestRefused(error.error());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error);
    }

    public ResponseEntity<Object> entity(HttpStatus status, String code, String message) {
        return entity(status, ApiError.of(code, message));
    }

    public ResponseEntity<Object> invalid(List<FieldViolation> violations) {
        return entity(HttpStatus.BAD_REQUEST, ApiError.invalid(violations));
    }

    public ResponseEntity<Object> invalid(String field, String reason) {
        return invalid(List.of(new FieldViolation(field, reason)));
    }

    /** Writes an error straight to the response (for web filters). */
    public Mono<Void> write(ServerHttpResponse response, HttpStatus status, ApiError error) {
        metrics.merchantRequestRefused(error.error());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] bytes = json.writeValueAsBytes(error);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
