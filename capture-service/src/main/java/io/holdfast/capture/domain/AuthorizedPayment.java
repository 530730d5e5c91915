package io.holdfast.capture.domain;

import java.time.Instant;

/**
 * The facts of a PaymentAuthorized event that the schedule needs.
 *
 * @param merchantId null for a single-merchant deployment
 * @param authExpiryTime Antom's capture deadline; null when Antom gave none
 * @param policy the payment's own deadline policy; null = the configured default
 */
public record AuthorizedPayment(String paymentRequestId, String paymentId, String merchantId, Money amount,
        CaptureMode mode, Instant authorizedAt, Instant authExpiryTime, DeadlinePolicy policy) {
}
