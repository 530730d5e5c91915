package io.holdfast.capture.domain;

import java.time.Instant;

/**
 * A merchant's CapturePayment.
 *
 * @param captureAt capture at this time instead of now; null = now
 */
public record CaptureRequest(String commandId, String paymentRequestId, Money amount, Instant captureAt) {
}
