package io.holdfast.capture.application;

import io.holdfast.capture.domain.RefundAdvice;
import io.holdfast.capture.domain.RefundAttempt;
import io.holdfast.capture.domain.RefundResult;
import reactor.core.publisher.Mono;

/** Port: Antom's refund and inquiryRefund. Never errors for Antom's answers or transport failures: they are results. */
public interface RefundGateway {

    /** Sends the refund with its refundRequestId (the same on every retry). */
    Mono<RefundResult> refund(RefundAttempt attempt);

    /** The refund's status by refundRequestId; {@link RefundResult.NotFound} when Antom has none. */
    Mono<RefundResult> inquire(String refundRequestId);

    /** Antom's documented advice for a refund failure code (for a notifyRefund FAIL). */
    RefundAdvice advise(String resultCode);
}
