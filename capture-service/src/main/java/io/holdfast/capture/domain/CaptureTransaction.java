package io.holdfast.capture.domain;

import java.time.Instant;

/**
 * A CAPTURE entry of inquiryPayment's {@code transactions[]}.
 *
 * @param requestId transactionRequestId = the captureRequestId
 * @param captureId transactionId = Antom's captureId
 * @param capturedAt transactionTime, null when Antom gave none
 */
public record CaptureTransaction(String requestId, String captureId, Status status, String resultCode,
        String resultMessage, Instant capturedAt) {

    /** transactionStatus, reduced to what matters for a capture. */
    public enum Status {
        /** SUCCESS. */
        SUCCEEDED,
        /** FAIL or CANCELLED. */
        FAILED,
        /** PROCESSING or PENDING. */
        PROCESSING
    }
}
