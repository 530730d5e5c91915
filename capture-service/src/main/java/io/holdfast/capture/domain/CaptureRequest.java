package io.holdfast.capture.domain;

import java.time.Instant;

/**
 * A merchant's CapturePayment.
 *
 * @param captureAt capture at this time instead of now; null = now
 * @param contentFingerprint digest of the command's content (merchantId, paymentRequestId, payload; not commandId
 *     nor issuedAt), kept in the inbox next to the commandId to tell a redelivery from a reuse with other content
 */
public record CaptureRequest(String commandId, String paymentRequestId, Money amount, Instant captureAt,
        String contentFingerprint) {
}
