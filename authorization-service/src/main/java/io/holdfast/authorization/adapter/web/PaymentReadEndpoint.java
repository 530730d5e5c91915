package io.holdfast.authorization.adapter.web;

import io.holdfast.authorization.application.PaymentQueries;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import reactor.core.publisher.Mono;

/**
 * The operational read API, {@code GET /actuator/payments/{paymentRequestId}}: a payment's current state and its
 * timeline, for operators. It is an actuator endpoint so that it is served by the management server only; the
 * configuration registers it only when {@code management.server.port} differs from {@code server.port}, so it never
 * shares the port other callers reach. Merchants do not read here: their reads go through the edge with their API
 * key, scoped to their own payments (the payment-view read model).
 */
@Endpoint(id = PaymentReadEndpoint.ID)
public class PaymentReadEndpoint {

    /** The endpoint id: add it to {@code management.endpoints.web.exposure.include}. */
    public static final String ID = "payments";

    private final PaymentQueries queries;

    public PaymentReadEndpoint(PaymentQueries queries) {
        this.queries = queries;
    }

    /** The payment, or 404 when unknown. */
    @ReadOperation
    public Mono<PaymentResource> payment(@Selector String paymentRequestId) {
        return queries.find(paymentRequestId).map(PaymentResource::of);
    }
}
