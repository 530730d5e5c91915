package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.domain.merchant.Merchant;
import io.holdfast.ingest.domain.merchant.Scope;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every merchant endpoint does before its own work: scope check (403), content type (415), body within the
 * size limit (413) and well-formed JSON (400).
 */
final class MerchantRequests {

    /** Reads merchant bodies strictly: a duplicated key is refused, not silently resolved to its last value. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ErrorResponses errors;
    private final JsonMapper json;
    private final int maxRequestBytes;

    MerchantRequests(ErrorResponses errors, JsonMapper json, int maxRequestBytes) {
        this.errors = errors;
        this.json = json;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** The body of a merchant request. */
    record Body(byte[] raw, JsonNode tree) {
    }

    static Merchant merchant(ServerWebExchange exchange) {
        Merchant merchant = exchange.getAttribute(MerchantGate.MERCHANT);
        if (merchant == null) {
            throw new IllegalStateException("MerchantGate did not run for " + exchange.getRequest().getPath());
        }
        return merchant;
    }

    Optional<ResponseEntity<Object>> forbidden(Merchant merchant, Scope scope) {
        if (merchant.may(scope)) {
            return Optional.empty();
        }
        return Optional.of(errors.entity(HttpStatus.FORBIDDEN, "insufficient_scope",
                "the API key lacks scope " + scope.value()));
    }

    /**
     * Reads the JSON body and hands it to {@code handler}; an empty body reads as {@code {}} when {@code emptyAllowed}.
     */
    Mono<ResponseEntity<Object>> withBody(ServerWebExchange exchange, boolean emptyAllowed,
            java.util.function.Function<Body, Mono<ResponseEntity<Object>>> handler) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        return Bodies.read(exchange.getRequest(), maxRequestBytes).flatMap(raw -> {
            if (raw.length == 0 && emptyAllowed) {
                return handler.apply(new Body(raw, json.createObjectNode()));
            }
            if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                return Mono.just(errors.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                        "send Content-Type: application/json"));
            }
            JsonNode tree;
            try {
                tree = STRICT.readTree(raw);
            } catch (JacksonException e) {
                return Mono.just(errors.invalid("body", "is not valid JSON (or repeats a key)"));
            }
            if (tree == null || !tree.isObject()) {
                return Mono.just(errors.invalid("body", "must be a JSON object"));
            }
            return handler.apply(new Body(raw, tree));
        }).onErrorResume(DataBufferLimitException.class, e -> Mono.just(errors.entity(HttpStatus.CONTENT_TOO_LARGE,
                "request_too_large", "the body exceeds " + maxRequestBytes + " bytes")));
    }
}
