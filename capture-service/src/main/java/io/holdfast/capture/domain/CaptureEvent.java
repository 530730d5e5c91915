package io.holdfast.capture.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the capture-service tells the world, in its own vocabulary (the Kafka adapter maps each to the Avro contract).
 * All are events on payments.events except {@link VoidRequested}, which becomes a CancelPayment command.
 */
public sealed interface CaptureEvent {

    /** The payment the event is about; the Kafka key. */
    String paymentRequestId();

    /** A capture will be sent at {@code captureAt}. */
    record CaptureScheduled(String paymentRequestId, String paymentId, Money amount, Instant captureAt,
            Instant deadline) implements CaptureEvent {
    }

    /** Antom captured: safe to ship. */
    record CaptureSucceeded(String paymentRequestId, String paymentId, String captureRequestId, String captureId,
            Money amount, Instant capturedAt, CaptureMode mode) implements CaptureEvent {
    }

    /** Antom refused the capture with a final result. */
    record CaptureFailed(String paymentRequestId, String paymentId, String captureRequestId, Money amount,
            String resultCode, String resultMessage) implements CaptureEvent {
    }

    /** The authorization is uncaptured and the warning at {@code offset} before the deadline is reached. */
    record DeadlineApproaching(String paymentRequestId, String paymentId, Money amount, Instant deadline,
            Duration offset, DeadlinePolicy policy) implements CaptureEvent {
    }

    /** The deadline passed without a capture. */
    record AuthorizationExpired(String paymentRequestId, String paymentId, Money amount, Instant deadline)
            implements CaptureEvent {
    }

    /** A CapturePayment command was refused without calling Antom. */
    record CommandRejected(String paymentRequestId, String paymentId, String commandId, RejectionReason reason,
            String field, String message) implements CaptureEvent {
    }

    /** The VOID policy asks authorization-service to cancel (published as a CancelPayment command). */
    record VoidRequested(String paymentRequestId, String commandId, String reason) implements CaptureEvent {
    }
}
