package io.holdfast.capture.domain;

import java.time.Instant;
import java.util.List;

/**
 * The rules of a merchant's capture: MANUAL only, exactly the authorized amount and currency, nothing after a
 * cancel or the deadline, at most one capture; a capture-at must come before deadline - safety margin. A refusal
 * is a transition without state change carrying CommandRejected.
 */
public final class ManualCaptureRules {

    private final GuardianSettings settings;

    public ManualCaptureRules(GuardianSettings settings) {
        this.settings = settings;
    }

    /** The decision for {@code request} against the authorization {@code a} at {@code now}. */
    public Transition decide(Authorization a, CaptureRequest request, Instant now) {
        if (a.mode() == CaptureMode.AUTOMATIC) {
            return reject(a, request, RejectionReason.INVALID_STATE, null,
                    "automatic capture: Antom captures this authorization itself");
        }
        switch (a.status()) {
            case VOID_REQUESTED:
            case VOIDED:
                return reject(a, request, RejectionReason.INVALID_STATE, null, "the authorization was cancelled");
            case EXPIRED:
                return reject(a, request, RejectionReason.DEADLINE_PASSED, null,
                        "the authorization expired at " + a.deadline());
            case CAPTURE_REQUESTED:
            case CAPTURE_PENDING:
            case CAPTURE_UNKNOWN:
            case CAPTURED:
                return reject(a, request, RejectionReason.CONFLICTING_COMMAND, null,
                        "a capture is already " + (a.status() == CaptureStatus.CAPTURED ? "done" : "in flight"));
            case CAPTURE_FAILED:
            case AWAITING_AUTO_CAPTURE:
                return reject(a, request, RejectionReason.INVALID_STATE, null, "no capture possible in " + a.status());
            case AUTHORIZED:
            case CAPTURE_SCHEDULED:
                return capturable(a, request, now);
        }
        throw new IllegalStateException("unhandled " + a.status());
    }

    /** The rejection of a command whose commandId was processed before with other content. */
    public static CaptureEvent.CommandRejected duplicateCommandId(CaptureRequest request) {
        return new CaptureEvent.CommandRejected(request.paymentRequestId(), null, request.commandId(),
                RejectionReason.DUPLICATE_COMMAND_ID_CONFLICT, "commandId", "commandId " + request.commandId()
                        + " was already processed with different content; this command was not applied"
                        + " (send it with its own commandId / Idempotency-Key)");
    }

    /** The rejection of a command for a payment this service does not know. */
    public static CaptureEvent.CommandRejected unknownPayment(CaptureRequest request) {
        return new CaptureEvent.CommandRejected(request.paymentRequestId(), null, request.commandId(),
                RejectionReason.UNKNOWN_PAYMENT, "paymentRequestId", "no authorization known for this payment");
    }

    private Transition capturable(Authorization a, CaptureRequest request, Instant now) {
        if (!now.isBefore(a.deadline())) {
            return reject(a, request, RejectionReason.DEADLINE_PASSED, null,
                    "the capture deadline " + a.deadline() + " has passed");
        }
        if (!request.amount().currency().equals(a.amount().currency())) {
            return reject(a, request, RejectionReason.CURRENCY_MISMATCH, "payload.amount.currency",
                    "capture currency must be the authorized " + a.amount().currency());
        }
        if (request.amount().valueMinor() != a.amount().valueMinor()) {
            return reject(a, request, RejectionReason.AMOUNT_MISMATCH, "payload.amount.valueMinor",
                    "capture amount must equal the authorized amount " + a.amount());
        }
        Instant latest = a.policyTime(settings);
        if (request.captureAt() == null || !request.captureAt().isAfter(now)) {
            return Transition.of(a.scheduledAt(now));
        }
        if (!request.captureAt().isBefore(latest)) {
            return reject(a, request, RejectionReason.INVALID_FIELD, "payload.captureAt",
                    "captureAt must be before " + latest + " (deadline minus safety margin)");
        }
        return new Transition(a.scheduledAt(request.captureAt()), List.of(new CaptureEvent.CaptureScheduled(
                a.paymentRequestId(), a.paymentId(), a.amount(), request.captureAt(), a.deadline())));
    }

    private static Transition reject(Authorization a, CaptureRequest request, RejectionReason reason, String field,
            String message) {
        return new Transition(a, List.of(new CaptureEvent.CommandRejected(a.paymentRequestId(), a.paymentId(),
                request.commandId(), reason, field, message)));
    }
}
