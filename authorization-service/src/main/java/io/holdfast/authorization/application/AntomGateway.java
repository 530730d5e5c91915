package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.AuthorizationResult;
import io.holdfast.authorization.domain.CancelResult;
import reactor.core.publisher.Mono;

/**
 * The port to Antom. Implementations never error for transport or protocol failures: those are
 * {@link AuthorizationResult.Unknown}, {@link InquiryResult.Unresolved} or {@link CancelResult.Unknown}.
 */
public interface AntomGateway {

    /** pay, with {@link PayOrder#paymentRequestId()} as the idempotency key. */
    Mono<AuthorizationResult> pay(PayOrder order);

    /** inquiryPayment by paymentRequestId. */
    Mono<InquiryResult> inquire(String paymentRequestId);

    /** cancel by paymentRequestId: always the same parameters, so retries never cancel twice. */
    Mono<CancelResult> cancel(String paymentRequestId);
}
