package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.AuthorizationResult;
import io.holdfast.authorization.domain.CancelResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import reactor.core.publisher.Mono;

/** An {@link AntomGateway} that answers from scripts and records every call. */
final class ScriptedAntom implements AntomGateway {

    final Deque<AuthorizationResult> payAnswers = new ArrayDeque<>();
    final Deque<InquiryResult> inquiryAnswers = new ArrayDeque<>();
    final Deque<CancelResult> cancelAnswers = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();
    /** Runs after the pay request left and before its answer is handed back: what happened at Antom meanwhile. */
    Runnable whilePaying = () -> { };

    @Override
    public Mono<AuthorizationResult> pay(PayOrder order) {
        calls.add("pay " + order.paymentRequestId());
        return Mono.fromSupplier(() -> {
            whilePaying.run();
            return payAnswers.removeFirst();
        });
    }

    @Override
    public Mono<InquiryResult> inquire(String paymentRequestId) {
        calls.add("inquire " + paymentRequestId);
        return Mono.just(inquiryAnswers.removeFirst());
    }

    @Override
    public Mono<CancelResult> cancel(String paymentRequestId) {
        calls.add("cancel " + paymentRequestId);
        return Mono.just(cancelAnswers.removeFirst());
    }
}
