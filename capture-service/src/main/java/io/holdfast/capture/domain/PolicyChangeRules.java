package io.holdfast.capture.domain;

import java.time.Instant;
import java.util.List;

/**
 * Whether a deadline policy may still change: only on an open MANUAL schedule row (AUTHORIZED or CAPTURE_SCHEDULED),
 * before the guardian acted on it. Anything else (captured, voided, expired, a capture in flight, automatic capture)
 * is refused with INVALID_STATE and changes nothing. An AUTHORIZED row then waits for the new policy's point
 * ({@link Schedule#policyActionAt}: CAPTURE and VOID at deadline − safety margin, EXPIRE at the deadline); a scheduled
 * capture keeps its time.
 */
public final class PolicyChangeRules {

    private PolicyChangeRules() {
    }

    /** The row with the new policy and DeadlinePolicyChanged, or the row unchanged and CommandRejected. */
    public static Transition decide(Authorization a, PolicyChangeRequest request, Schedule schedule) {
        if (!open(a)) {
            return new Transition(a, List.of(new CaptureEvent.CommandRejected(a.paymentRequestId(), a.paymentId(),
                    request.commandId(), RejectionReason.INVALID_STATE, null, "the deadline policy can no longer "
                            + "change: the authorization is " + a.status())));
        }
        // the old policy's point is not the new one's: EXPIRE looks again only at the deadline, where a capture can no
        // longer be sent, so a row changed to CAPTURE or VOID that kept it lapsed as a deadline miss
        Instant nextAction = a.status() == CaptureStatus.AUTHORIZED
                ? schedule.policyActionAt(a.deadline(), request.policy()) : a.nextActionAt();
        Authorization next = new Authorization(a.paymentRequestId(), a.paymentId(), a.merchantId(), a.amount(),
                a.mode(), a.authorizedAt(), a.deadline(), request.policy(), a.status(), a.captureAt(),
                a.captureRequestId(), a.captureRequestedAt(), a.captureId(), a.capturedAt(), a.lastWarning(),
                nextAction, a.deadlineMissed(), a.attempts(), a.version());
        return new Transition(next, List.of(new CaptureEvent.DeadlinePolicyChanged(a.paymentRequestId(),
                a.paymentId(), a.policy(), request.policy(), a.deadline(), request.operatorId(), request.reason())));
    }

    /** The policy of an open manual authorization is still to act. */
    static boolean open(Authorization a) {
        if (a.mode() != CaptureMode.MANUAL) {
            return false;
        }
        return switch (a.status()) {
            case AUTHORIZED, CAPTURE_SCHEDULED -> true;
            case AWAITING_AUTO_CAPTURE, CAPTURE_REQUESTED, CAPTURE_PENDING, CAPTURE_UNKNOWN, CAPTURED, CAPTURE_FAILED,
                    VOID_REQUESTED, VOIDED, EXPIRED -> false;
        };
    }

    /** The rejection of a command for a payment this service does not know. */
    public static CaptureEvent.CommandRejected unknownPayment(PolicyChangeRequest request) {
        return new CaptureEvent.CommandRejected(request.paymentRequestId(), null, request.commandId(),
                RejectionReason.UNKNOWN_PAYMENT, "paymentRequestId", "no authorization known for this payment");
    }

    /** The rejection of a command from a merchant that does not own the authorization (as for CapturePayment). */
    public static CaptureEvent.CommandRejected notOwner(PolicyChangeRequest request, String commandMerchantId) {
        return Ownership.notOwner(new CaptureRequest(request.commandId(), request.paymentRequestId(), null, null,
                request.contentFingerprint()), commandMerchantId);
    }

    /** The rejection of a reused commandId with other content. */
    public static CaptureEvent.CommandRejected duplicateCommandId(PolicyChangeRequest request) {
        return ManualCaptureRules.duplicateCommandId(new CaptureRequest(request.commandId(),
                request.paymentRequestId(), null, null, request.contentFingerprint()));
    }
}
