package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code paymentStatus} of inquiryPayment: the payment's own state (not the inquiry call's). */
public enum PaymentStatus {
    /** Paid; for cards: authorized. */
    SUCCESS,
    /** Finally failed; {@code paymentResultCode} says why. */
    FAIL,
    /** Still in process (e.g. 3DS not finished). */
    PROCESSING,
    /** Cancelled (voided) or closed. */
    CANCELLED,
    /** The buyer finished paying; the final result is still to come. */
    PENDING,
    /** A value this client does not know; treat as not final. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
