package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.Transition;
import java.util.List;
import reactor.core.publisher.Mono;

/** Reads for the HTTP API and the metrics. */
public final class PaymentQueries {

    /** A payment with its timeline. */
    public record PaymentView(Payment payment, List<Transition> timeline) {
    }

    private final PaymentStore store;

    public PaymentQueries(PaymentStore store) {
        this.store = store;
    }

    public Mono<PaymentView> find(String paymentRequestId) {
        return store.find(paymentRequestId).flatMap(payment -> store.timeline(paymentRequestId).collectList()
                .map(timeline -> new PaymentView(payment, timeline)));
    }

    public Mono<PaymentStatistics> statistics() {
        return store.statistics();
    }
}
