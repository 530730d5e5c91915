package io.holdfast.view.adapter.web;

import io.holdfast.view.application.ViewQuery;
import io.holdfast.view.application.ViewStore;
import io.holdfast.view.domain.PaymentView;
import io.holdfast.view.domain.ViewStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The internal read API the edge calls with the authenticated merchant's id: a payment, or a filtered page of them,
 * only ever the merchant's own (another merchant's payment is 404, as an unknown one).
 */
@RestController
final class ReadApiController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ViewStore store;

    ReadApiController(ViewStore store) {
        this.store = store;
    }

    @GetMapping("/internal/v1/payments/{paymentRequestId}")
    Mono<ResponseEntity<PaymentJson>> one(@PathVariable String paymentRequestId,
            @RequestParam String merchantId) {
        return store.find(paymentRequestId)
                .filter(v -> Objects.equals(v.ids().merchantId(), merchantId))
                .map(v -> ResponseEntity.ok(PaymentJson.of(v)))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    @GetMapping("/internal/v1/payments")
    Mono<PaymentJson.Page> list(@RequestParam String merchantId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String deadlineBefore,
            @RequestParam(required = false) String createdAfter,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw badRequest("limit must be 1.." + MAX_LIMIT);
        }
        ViewQuery query = new ViewQuery(merchantId, status(status), instant("deadlineBefore", deadlineBefore),
                instant("createdAfter", createdAfter), null, cursor(cursor), size + 1);
        return store.search(query).collectList().map(rows -> page(rows, size));
    }

    private static PaymentJson.Page page(List<PaymentView> rows, int size) {
        List<PaymentView> items = rows.size() > size ? rows.subList(0, size) : rows;
        String next = null;
        if (rows.size() > size) {
            next = ViewQuery.Cursor.after(items.get(items.size() - 1)).token();
        }
        return new PaymentJson.Page(items.stream().map(PaymentJson::of).toList(), next);
    }

    static ViewQuery.Cursor cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return ViewQuery.Cursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            throw badRequest("cursor is not one this API returned");
        }
    }

    static ViewStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ViewStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw badRequest("status must be one of " + List.of(ViewStatus.values()));
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be an ISO-8601 instant, e.g. 2026-12-05T18:00:00Z");
        }
    }

    private static ResponseStatusException badRequest(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
