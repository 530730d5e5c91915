package io.holdfast.authorization.adapter.web;

import io.holdfast.authorization.application.PaymentQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The read API: a payment's current state and its timeline. */
@RestController
public class PaymentController {

    private final PaymentQueries queries;

    public PaymentController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/payments/{paymentRequestId}")
    public Mono<ResponseEntity<PaymentResource>> get(@PathVariable String paymentRequestId) {
        return queries.find(paymentRequestId).map(view -> ResponseEntity.ok(PaymentResource.of(view)))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }
}
