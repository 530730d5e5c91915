package io.holdfast.capture.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How Antom's answers move an authorization: the capture call's result, an inquiry's transactions[], a
 * notifyCapture, and authorization-service's AuthorizationCancelled. Never two successful captures: every path to
 * CAPTURED starts from a state the state machine allows exactly once.
 */
public final class CaptureOutcomes {

    private final Schedule schedule;

    public CaptureOutcomes(GuardianSettings settings) {
        this.schedule = new Schedule(settings);
    }

    /** The result of the capture call sent from CAPTURE_REQUESTED. */
    public Transition onCaptureResult(Authorization a, CaptureResult r, Instant now) {
        Instant recheck = schedule.recheckAt(now, a.deadline());
        if (r instanceof CaptureResult.Captured c) {
            return succeeded(a, a.captureRequestId(), c.captureId(), c.capturedAt() != null ? c.capturedAt() : now);
        }
        if (r instanceof CaptureResult.Refused f) {
            if (a.attempts().unknownSeen()) {
                // an earlier outcome was unknown: never publish this refusal unverified (callers verify it first
                // through refusalToVerify / onRefusalVerified; this path only asks the inquiry to decide at once)
                return Transition.of(a.to(CaptureStatus.CAPTURE_UNKNOWN, now));
            }
            return failed(a, a.captureRequestId(), f.resultCode(), f.resultMessage());
        }
        if (r instanceof CaptureResult.InProcess) {
            return Transition.of(a.to(CaptureStatus.CAPTURE_PENDING, recheck));
        }
        if (r instanceof CaptureResult.Unknown) {
            return Transition.of(a.to(CaptureStatus.CAPTURE_UNKNOWN, recheck));
        }
        throw new IllegalStateException("unhandled " + r);
    }

    /**
     * The refusal to verify by an inquiry before CaptureFailed is published: a refusal (F) of a capture whose outcome
     * was unknown before (timeout, U, a re-send). The first attempt may have succeeded at Antom although this
     * answer is F, so Antom's ledger (inquiryPayment) decides. Empty when the result can be applied as it is.
     */
    public Optional<CaptureResult.Refused> refusalToVerify(Authorization a, CaptureResult r) {
        if (r instanceof CaptureResult.Refused f && a.attempts().unknownSeen()) {
            return Optional.of(f);
        }
        return Optional.empty();
    }

    /**
     * A refusal after an earlier unknown, with the inquiry's answer: our capture's entry decides (success wins); no
     * entry under our captureRequestId means the refusal stands; no answer leaves the capture unknown, and the next
     * inquiry decides.
     */
    public Transition onRefusalVerified(Authorization a, CaptureResult.Refused refused, CaptureLookup lookup,
            Instant now) {
        Instant recheck = schedule.recheckAt(now, a.deadline());
        if (lookup instanceof CaptureLookup.Unanswered) {
            return Transition.of(a.to(CaptureStatus.CAPTURE_UNKNOWN, recheck));
        }
        if (!(lookup instanceof CaptureLookup.Answered answered)) {
            throw new IllegalStateException("unhandled " + lookup);
        }
        Optional<CaptureTransaction> match = find(a, answered.captures());
        if (match.isEmpty()) {
            return failed(a, a.captureRequestId(), refused.resultCode(), refused.resultMessage());
        }
        CaptureTransaction t = match.get();
        switch (t.status()) {
            case SUCCEEDED:
                return succeeded(a, t.requestId(), t.captureId(), t.capturedAt() != null ? t.capturedAt() : now);
            case FAILED:
                return failed(a, t.requestId(), t.resultCode(), t.resultMessage());
            case PROCESSING:
                return Transition.of(a.to(CaptureStatus.CAPTURE_PENDING, recheck));
        }
        throw new IllegalStateException("unhandled " + t.status());
    }

    /** What an inquiry's transactions[] say about our capture (MANUAL) or Antom's (AUTOMATIC). */
    public Decision onLookup(Authorization a, CaptureLookup lookup, Instant now) {
        Instant recheck = schedule.recheckAt(now, a.deadline());
        if (lookup instanceof CaptureLookup.Unanswered) {
            return Decision.persist(Transition.of(a.recheckAt(recheck)));
        }
        if (!(lookup instanceof CaptureLookup.Answered answered)) {
            throw new IllegalStateException("unhandled " + lookup);
        }
        Optional<CaptureTransaction> match = find(a, answered.captures());
        if (match.isEmpty()) {
            return absent(a, now, recheck);
        }
        CaptureTransaction t = match.get();
        switch (t.status()) {
            case SUCCEEDED:
                return Decision.persist(succeeded(a, t.requestId(), t.captureId(),
                        t.capturedAt() != null ? t.capturedAt() : now));
            case FAILED:
                return Decision.persist(failed(a, t.requestId(), t.resultCode(), t.resultMessage()));
            case PROCESSING:
                return Decision.persist(Transition.of(a.mode() == CaptureMode.AUTOMATIC ? a.recheckAt(recheck)
                        : a.to(CaptureStatus.CAPTURE_PENDING, recheck)));
        }
        throw new IllegalStateException("unhandled " + t.status());
    }

    /**
     * A verified notifyCapture; empty when it changes nothing (duplicate, stale, or not our capture — the caller logs
     * it). A success for the capture recorded as failed corrects it: CAPTURE_FAILED -> CAPTURED, and CaptureSucceeded
     * names the CaptureFailed it corrects. A refusal of a capture whose outcome was unknown before is not published:
     * the row is inquired at once and Antom's ledger decides.
     */
    public Optional<Transition> onNotification(Authorization a, CaptureNotification n, Instant now) {
        boolean correction = a.status() == CaptureStatus.CAPTURE_FAILED && n.succeeded()
                && Objects.equals(n.captureRequestId(), a.captureRequestId());
        boolean applies = correction || (a.mode() == CaptureMode.AUTOMATIC
                ? a.status() == CaptureStatus.AWAITING_AUTO_CAPTURE
                : n.captureRequestId().equals(a.captureRequestId())
                        && (a.status().isCaptureInFlight() || a.status() == CaptureStatus.EXPIRED && n.succeeded()));
        if (!applies) {
            return Optional.empty();
        }
        if (n.succeeded()) {
            return Optional.of(succeeded(a, n.captureRequestId(), n.captureId(),
                    n.captureTime() != null ? n.captureTime() : now));
        }
        if (a.mode() == CaptureMode.MANUAL && a.attempts().unknownSeen()) {
            return Optional.of(Transition.of(a.recheckAt(now)));
        }
        return Optional.of(failed(a, n.captureRequestId(), n.resultCode(), n.resultMessage()));
    }

    /**
     * notifyCaptures that arrived before the row existed (parked), applied when PaymentAuthorized opens it: in
     * arrival order, each exactly as if it had arrived just then; the first that changes the row decides and every
     * later one changes nothing (the state guard of {@link #onNotification}). Empty when none applies (e.g. a MANUAL
     * row, whose capture has not been requested yet).
     */
    public Optional<EarlyApplied> onEarlyNotifications(Authorization opened, List<CaptureNotification> early,
            Instant now) {
        for (CaptureNotification n : early) {
            Optional<Transition> t = onNotification(opened, n, now);
            if (t.isPresent()) {
                return Optional.of(new EarlyApplied(n, t.get()));
            }
        }
        return Optional.empty();
    }

    /** The parked notification that moved a just-opened row, and the move. */
    public record EarlyApplied(CaptureNotification notification, Transition transition) {
    }

    /** AuthorizationCancelled: the authorization is void; empty when it is already settled. */
    public Optional<Transition> onCancelled(Authorization a) {
        if (!CaptureStatus.VOIDED.validPrevious().contains(a.status())) {
            return Optional.empty();
        }
        return Optional.of(Transition.of(a.to(CaptureStatus.VOIDED, null)));
    }

    private Decision absent(Authorization a, Instant now, Instant recheck) {
        boolean pastDeadline = !now.isBefore(a.deadline());
        if (a.mode() == CaptureMode.AUTOMATIC) {
            return pastDeadline ? expired(a, false) : Decision.persist(Transition.of(a.recheckAt(recheck)));
        }
        if (!schedule.maySend(now, a.deadline())) {
            // a re-send is an attempt like the first: none inside request timeout + clock-skew allowance
            return expired(a, true);
        }
        // Antom has no trace of our capture: send it again with the same captureRequestId (idempotent)
        return new Decision(Transition.of(a.requested(now, recheck)), NextStep.SEND_CAPTURE);
    }

    private static Decision expired(Authorization a, boolean missed) {
        return Decision.persist(new Transition(a.expired(missed), List.of(new CaptureEvent.AuthorizationExpired(
                a.paymentRequestId(), a.paymentId(), a.amount(), a.deadline()))));
    }

    private static Optional<CaptureTransaction> find(Authorization a, List<CaptureTransaction> captures) {
        if (a.mode() == CaptureMode.AUTOMATIC) {
            return captures.stream().filter(t -> t.status() == CaptureTransaction.Status.SUCCEEDED).findFirst()
                    .or(() -> captures.stream().findFirst());
        }
        return captures.stream().filter(t -> t.requestId() != null && t.requestId().equals(a.captureRequestId()))
                .findFirst();
    }

    private static Transition succeeded(Authorization a, String requestId, String captureId, Instant at) {
        String corrects = a.status() == CaptureStatus.CAPTURE_FAILED
                ? CaptureEvent.CaptureFailed.eventIdFor(a.paymentRequestId()).toString() : null;
        return new Transition(a.captured(requestId, captureId, at), List.of(new CaptureEvent.CaptureSucceeded(
                a.paymentRequestId(), a.paymentId(), requestId, captureId, a.amount(), at, a.mode(), corrects)));
    }

    private static Transition failed(Authorization a, String requestId, String code, String message) {
        return new Transition(a.failed(requestId), List.of(new CaptureEvent.CaptureFailed(
                a.paymentRequestId(), a.paymentId(), requestId, a.amount(), code, message)));
    }
}
