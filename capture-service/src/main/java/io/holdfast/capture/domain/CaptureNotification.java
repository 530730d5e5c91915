package io.holdfast.capture.domain;

import java.time.Instant;

/**
 * A verified notifyCapture.
 *
 * @param succeeded resultStatus S (otherwise F)
 * @param captureTime null when Antom gave none
 */
public record CaptureNotification(String notificationId, String paymentId, String captureRequestId,
        String captureId, boolean succeeded, String resultCode, String resultMessage, Money amount,
        Instant captureTime) {
}
