package io.holdfast.capture.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the capture-service tells the world, in its own vocabulary (the Kafka adapter maps each to the Avro contract).
 * All are events on payments.events except {@link VoidRequested}, which becomes a CancelPayment command.
 */
public sealed interface CaptureEvent {

    /** The payment the event is about; the Kafka key. */
    String paymentRequestId();

    /** The event's id when it is fixed by the domain (so a later event can name it); empty = a fresh random id. */
    default Optional<UUID> fixedEventId() {
        return Optional.empty();
    }

    /** A capture will be sent at {@code captureAt}. */
    record CaptureScheduled(String paymentRequestId, String paymentId, Money amount, Instant captureAt,
            Instant deadline) implements CaptureEvent {
    }

    /**
     * Antom captured: safe to ship.
     *
     * @param correctsEventId the eventId of the CaptureFailed this success corrects (Antom's later word); else null
     */
    record CaptureSucceeded(String paymentRequestId, String paymentId, String captureRequestId, String captureId,
            Money amount, Instant capturedAt, CaptureMode mode, String correctsEventId) implements CaptureEvent {
    }

    /**
     * Antom refused the capture with a final result. At most one per payment (the state machine enters CAPTURE_FAILED
     * once), so its eventId is derived from the paymentRequestId: a correcting CaptureSucceeded can name it.
     */
    record CaptureFailed(String paymentRequestId, String paymentId, String captureRequestId, Money amount,
            String resultCode, String resultMessage) implements CaptureEvent {

        /** The eventId of a payment's CaptureFailed (name-based UUID of {@code CaptureFailed:<paymentRequestId>}). */
        public static UUID eventIdFor(String paymentRequestId) {
            return UUID.nameUUIDFromBytes(("CaptureFailed:" + paymentRequestId).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Optional<UUID> fixedEventId() {
            return Optional.of(eventIdFor(paymentRequestId));
        }
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

    /** The deadline policy of an open authorization changed ({@code changedBy}: the operator's login, or null). */
    record DeadlinePolicyChanged(String paymentRequestId, String paymentId, DeadlinePolicy previousPolicy,
            DeadlinePolicy policy, Instant deadline, String changedBy, String reason) implements CaptureEvent {
    }

    /** The VOID policy asks authorization-service to cancel (published as a CancelPayment command). */
    record VoidRequested(String paymentRequestId, String commandId, String reason) implements CaptureEvent {
    }
}
