package io.holdfast.capture.domain;

import java.time.Instant;

/** The outcome of one capture call, in our vocabulary. */
public sealed interface CaptureResult {

    /** Antom answered S. */
    record Captured(String captureId, Instant capturedAt) implements CaptureResult {
    }

    /** Antom answered F: final, no retry with this captureRequestId can succeed. */
    record Refused(String resultCode, String resultMessage) implements CaptureResult {
    }

    /** Antom answered CAPTURE_IN_PROCESS: notifyCapture will follow. */
    record InProcess() implements CaptureResult {
    }

    /** Timeout, transport error, U, or known-not-sent: resolve by inquiry, never a verdict. */
    record Unknown(String detail) implements CaptureResult {
    }
}
