package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.AuthorizationResult;

/** What inquiryPayment said about an authorization. */
public sealed interface InquiryResult {

    /** Antom knows the payment; {@code result} is its state (never {@link AuthorizationResult.Unknown}). */
    record Answered(AuthorizationResult result) implements InquiryResult {
    }

    /** ORDER_NOT_EXIST: Antom has no payment with this paymentRequestId (yet). */
    record NotFound() implements InquiryResult {
    }

    /** The inquiry itself gave no answer (U, timeout, 5xx, unverifiable): ask again later. */
    record Unresolved(String reason) implements InquiryResult {
    }
}
