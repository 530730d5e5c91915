package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.application.PaymentReads;
import io.holdfast.ingest.domain.merchant.Merchant;
import io.holdfast.ingest.domain.merchant.Scope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The merchant read API: {@code GET /v1/payments/{paymentRequestId}} and {@code GET /v1/payments?status=&
 * deadlineBefore=&createdAfter=&cursor=&limit=}, with the merchant's API key (scope {@code payments:read}), answered
 * from payment-view's read model for the authenticated merchant only (another merchant's payment is 404, as an
 * unknown one). The read model is built from payments.events, so it shows what capture-service did too.
 */
@RestController
public class PaymentReadController {

    private static final Logger log = LoggerFactory.getLogger(PaymentReadController.class);
    static final Set<String> STATUSES = Set.of("PENDING", "REQUIRES_ACTION", "AUTHORIZED", "CAPTURE_SCHEDULED",
            "CAPTURED", "CAPTURE_FAILED", "DECLINED", "CANCELLED", "EXPIRED", "PARTIALLY_REFUNDED", "REFUNDED");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,1024}");
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final PaymentReads reads;
    private final ErrorResponses errors;
    private final MerchantRequests requests;

    public PaymentReadController(PaymentReads reads, ErrorResponses errors,
            tools.jackson.databind.json.JsonMapper json, WebLimits limits) {
        this.reads = reads;
        this.errors = errors;
        this.requests = new MerchantRequests(errors, json, limits.maxRequestBytes());
    }

    @GetMapping("/v1/payments/{paymentRequestId}")
    public Mono<ResponseEntity<Object>> payment(@PathVariable String paymentRequestId, ServerWebExchange exchange) {
        Merchant merchant = MerchantRequests.merchant(exchange);
        Optional<ResponseEntity<Object>> forbidden = requests.forbidden(merchant, Scope.PAYMENTS_READ);
        if (forbidden.isPresent()) {
            return Mono.just(forbidden.get());
        }
        if (!ID.matcher(paymentRequestId).matches()) {
            return Mono.just(errors.invalid("paymentRequestId", "must be 1 to 64 printable ASCII characters"));
        }
        return answer(reads.payment(merchant.id(), paymentRequestId), "no payment " + paymentRequestId
                + " for this merchant");
    }

    @GetMapping("/v1/payments")
    public Mono<ResponseEntity<Object>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String deadlineBefore,
            @RequestParam(required = false) String createdAfter,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit, ServerWebExchange exchange) {
        Merchant merchant = MerchantRequests.merchant(exchange);
        Optional<ResponseEntity<Object>> forbidden = requests.forbidden(merchant, Scope.PAYMENTS_READ);
        if (forbidden.isPresent()) {
            return Mono.just(forbidden.get());
        }
        Map<String, String> filters = new LinkedHashMap<>();
        if (status != null) {
            if (!STATUSES.contains(status)) {
                return Mono.just(errors.invalid("status", "must be one of " + STATUSES));
            }
            filters.put("status", status);
        }
        for (String[] instant : new String[][] {{"deadlineBefore", deadlineBefore}, {"createdAfter", createdAfter}}) {
            if (instant[1] != null) {
                if (!isInstant(instant[1])) {
                    return Mono.just(errors.invalid(instant[0], "must be an ISO-8601 instant, e.g. "
                            + "2026-12-05T18:00:00Z"));
                }
                filters.put(instant[0], instant[1]);
            }
        }
        if (cursor != null) {
            if (!CURSOR.matcher(cursor).matches()) {
                return Mono.just(errors.invalid("cursor", "must be a nextCursor this API returned"));
            }
            filters.put("cursor", cursor);
        }
        if (limit != null) {
            if (!limit.matches("[0-9]{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 200) {
                return Mono.just(errors.invalid("limit", "must be 1 to 200"));
            }
            filters.put("limit", limit);
        }
        return answer(reads.list(merchant.id(), filters), "not found");
    }

    private Mono<ResponseEntity<Object>> answer(Mono<PaymentReads.Answer> call, String notFound) {
        return call.map(a -> switch (a.status()) {
            case 200 -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).<Object>body(a.body());
            case 404 -> errors.entity(HttpStatus.NOT_FOUND, "not_found", notFound);
            case 400 -> errors.entity(HttpStatus.BAD_REQUEST, "invalid_request", "the read model refused the query");
            default -> unavailable("read model answered " + a.status());
        }).onErrorResume(e -> Mono.just(unavailable(e.toString())));
    }

    private ResponseEntity<Object> unavailable(String why) {
        log.warn("merchant read API: payment-view unavailable ({})", why);
        return errors.entity(HttpStatus.SERVICE_UNAVAILABLE, "read_model_unavailable",
                "the payment read model is unavailable; retry later");
    }

    private static boolean isInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
