package io.holdfast.capture.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deadline guardian's pure decisions: a new authorization's schedule row, and what to do when a row is due
 * (warnings once each, then the policy, scheduled captures, inquiries, expiry).
 */
public final class Guardian {

    private final GuardianSettings settings;
    private final Schedule schedule;

    public Guardian(GuardianSettings settings) {
        this.settings = settings;
        this.schedule = new Schedule(settings);
    }

    /** The schedule row of a new authorization. */
    public Authorization onAuthorized(AuthorizedPayment p) {
        Instant deadline = schedule.deadline(p.authorizedAt(), p.authExpiryTime());
        DeadlinePolicy policy = p.policy() != null ? p.policy() : settings.defaultPolicy();
        boolean manual = p.mode() == CaptureMode.MANUAL;
        CaptureStatus status = manual ? CaptureStatus.AUTHORIZED : CaptureStatus.AWAITING_AUTO_CAPTURE;
        Instant next = manual ? schedule.policyActionAt(deadline, policy)
                : p.authorizedAt().plus(settings.autoCaptureGrace());
        return new Authorization(p.paymentRequestId(), p.paymentId(), p.merchantId(), p.amount(), p.mode(),
                p.authorizedAt(), deadline, policy, status, null, null, null, null, null, null, next, false,
                Attempts.NONE, 0);
    }

    /** The row is due at {@code now}: emit the warnings reached, then run the state's action if its time came. */
    public Decision onDue(Authorization row, Instant now) {
        List<CaptureEvent> events = new ArrayList<>();
        Authorization a = warn(row, now, events);
        if (a.status().isTerminal() || a.nextActionAt() == null || a.nextActionAt().isAfter(now)) {
            return Decision.persist(new Transition(a, events));
        }
        switch (a.status()) {
            case AUTHORIZED:
                return policy(a, now, events);
            case CAPTURE_SCHEDULED:
                if (!schedule.maySend(now, a.deadline())) {
                    return expire(a, true, events);
                }
                return new Decision(new Transition(a.requested(now, schedule.recheckAt(now, a.deadline())), events),
                        NextStep.SEND_CAPTURE);
            case CAPTURE_REQUESTED:
            case CAPTURE_PENDING:
            case CAPTURE_UNKNOWN:
            case AWAITING_AUTO_CAPTURE:
                return new Decision(new Transition(a, events), NextStep.INQUIRE);
            case VOID_REQUESTED:
                return expire(a, true, events);
            case CAPTURED:
            case CAPTURE_FAILED:
            case VOIDED:
            case EXPIRED:
                return Decision.persist(new Transition(a, events));
        }
        throw new IllegalStateException("unhandled " + a.status());
    }

    /**
     * True while a capture may still be sent: now + request timeout + clock-skew allowance is strictly before the
     * deadline (checked when the attempt row is written and again right before sending).
     */
    public boolean mayStillCapture(Authorization a, Instant now) {
        return schedule.maySend(now, a.deadline());
    }

    /** The row after the deadline passed before the capture could be sent. */
    public Transition tooLateToCapture(Authorization a) {
        List<CaptureEvent> events = new ArrayList<>();
        return expire(a, true, events).transition();
    }

    private Decision policy(Authorization a, Instant now, List<CaptureEvent> events) {
        if (!now.isBefore(a.deadline())) {
            return expire(a, a.policy() != DeadlinePolicy.EXPIRE, events);
        }
        switch (a.policy()) {
            case CAPTURE:
                if (!schedule.maySend(now, a.deadline())) {
                    return expire(a, true, events);
                }
                events.add(new CaptureEvent.CaptureScheduled(a.paymentRequestId(), a.paymentId(), a.amount(), now,
                        a.deadline()));
                Authorization requested = a.scheduledAt(now).requested(now, schedule.recheckAt(now, a.deadline()));
                return new Decision(new Transition(requested, events), NextStep.SEND_CAPTURE);
            case VOID:
                events.add(new CaptureEvent.VoidRequested(a.paymentRequestId(),
                        Authorization.voidCommandIdFor(a.paymentRequestId()),
                        "capture deadline " + a.deadline() + " near: VOID policy"));
                return Decision.persist(new Transition(a.to(CaptureStatus.VOID_REQUESTED, a.deadline()), events));
            case EXPIRE:
                return Decision.persist(new Transition(a.recheckAt(a.deadline()), events));
        }
        throw new IllegalStateException("unhandled " + a.policy());
    }

    private Decision expire(Authorization a, boolean missed, List<CaptureEvent> events) {
        events.add(new CaptureEvent.AuthorizationExpired(a.paymentRequestId(), a.paymentId(), a.amount(),
                a.deadline()));
        return Decision.persist(new Transition(a.expired(missed), events));
    }

    private Authorization warn(Authorization a, Instant now, List<CaptureEvent> events) {
        Authorization current = a;
        Optional<Duration> next = schedule.nextWarning(current);
        while (next.isPresent() && now.isBefore(current.deadline())
                && !current.deadline().minus(next.get()).isAfter(now)) {
            events.add(new CaptureEvent.DeadlineApproaching(current.paymentRequestId(), current.paymentId(),
                    current.amount(), current.deadline(), next.get(), current.policy()));
            current = current.warned(next.get());
            next = schedule.nextWarning(current);
        }
        if (!now.isBefore(current.deadline()) && next.isPresent()) {
            // past the deadline a warning is pointless: mark them all as done so the row stops being due for them
            current = current.warned(settings.warnings().get(settings.warnings().size() - 1));
        }
        return current;
    }
}
