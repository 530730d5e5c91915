package io.holdfast.capture.application;

import io.holdfast.capture.domain.RefundAttempt;
import io.holdfast.capture.domain.RefundStatus;
import io.holdfast.capture.domain.RefundTotals;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Port: refund attempts and the payments' refund positions. Calls join the caller's transaction. Every writer locks
 * the payment's row ({@link #lockPosition}) before it touches the position or an attempt of the payment.
 */
public interface RefundStore {

    /**
     * Locks the payment's row (SELECT … FOR UPDATE) and returns its refund position; empty when the payment is not
     * known here or not captured (nothing to refund).
     */
    Mono<RefundTotals> lockPosition(String paymentRequestId);

    /** Writes the position {@code after}; fails when the stored one is not {@code before} or breaks the database's rules. */
    Mono<Void> savePosition(String paymentRequestId, RefundTotals before, RefundTotals after);

    Mono<RefundAttempt> find(String refundRequestId);

    Mono<Void> insert(RefundAttempt attempt);

    /** Writes {@code next} if the stored attempt is still in {@code expected}; false otherwise. */
    Mono<Boolean> update(RefundAttempt next, RefundStatus expected);

    /** Claims up to {@code batch} due attempts (FOR UPDATE SKIP LOCKED): their due time moves to {@code leaseUntil}. */
    Flux<RefundAttempt> claimDue(Instant now, Instant leaseUntil, int batch, String owner);
}
