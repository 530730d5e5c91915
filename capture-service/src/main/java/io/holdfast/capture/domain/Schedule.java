package io.holdfast.capture.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The schedule math: deadlines, warning times, when a row is next due, the inquiry cadence. */
public final class Schedule {

    private final GuardianSettings settings;

    public Schedule(GuardianSettings settings) {
        this.settings = settings;
    }

    /** The deadline of {@link #readDeadline}. */
    public Instant deadline(Instant authorizedAt, Instant authExpiryTime) {
        return readDeadline(authorizedAt, authExpiryTime).deadline();
    }

    /**
     * The capture deadline: the earlier of Antom's authExpiryTime and authorizedAt + the fallback (7 d). An
     * authExpiryTime that is missing or not after authorizedAt is unusable: the fallback alone. Anything but an
     * authExpiryTime within the fallback is an anomaly to log and count.
     */
    public DeadlineReading readDeadline(Instant authorizedAt, Instant authExpiryTime) {
        Instant fallback = authorizedAt.plus(settings.deadlineFallback());
        if (authExpiryTime == null) {
            return new DeadlineReading(fallback, DeadlineAnomaly.MISSING_AUTH_EXPIRY_TIME);
        }
        if (!authExpiryTime.isAfter(authorizedAt)) {
            return new DeadlineReading(fallback, DeadlineAnomaly.AUTH_EXPIRY_TIME_NOT_AFTER_AUTHORIZATION);
        }
        if (authExpiryTime.isAfter(fallback)) {
            return new DeadlineReading(fallback, DeadlineAnomaly.AUTH_EXPIRY_TIME_BEYOND_FALLBACK);
        }
        return new DeadlineReading(authExpiryTime, null);
    }

    /**
     * A deadline and what was odd about its inputs.
     *
     * @param anomaly null when authExpiryTime was used as given
     */
    public record DeadlineReading(Instant deadline, DeadlineAnomaly anomaly) {
    }

    /**
     * True while a capture may still be sent at {@code now}: {@code now + request timeout + clock-skew allowance}
     * is strictly before the deadline. Checked before every attempt row is written and again right before the call.
     */
    public boolean maySend(Instant now, Instant deadline) {
        return now.plus(settings.sendMargin()).isBefore(deadline);
    }

    /** When the policy acts: EXPIRE waits for the deadline itself, CAPTURE and VOID act at deadline - margin. */
    public Instant policyActionAt(Instant deadline, DeadlinePolicy policy) {
        return switch (policy) {
            case CAPTURE, VOID -> deadline.minus(settings.safetyMargin());
            case EXPIRE -> deadline;
        };
    }

    /** The next warning offset not yet emitted, if the authorization still gets warnings. */
    public Optional<Duration> nextWarning(Authorization a) {
        if (!getsWarnings(a)) {
            return Optional.empty();
        }
        return settings.warnings().stream()
                .filter(w -> a.lastWarning() == null || w.compareTo(a.lastWarning()) < 0)
                .findFirst();
    }

    /** When the scheduler must next look at the row: its next warning or its own action; null when terminal. */
    public Instant dueAt(Authorization a) {
        if (a.status().isTerminal()) {
            return null;
        }
        Instant action = a.nextActionAt();
        Instant warning = nextWarning(a).map(w -> a.deadline().minus(w)).orElse(null);
        if (action == null) {
            return warning;
        }
        return warning == null || action.isBefore(warning) ? action : warning;
    }

    /**
     * The next inquiry: the wait shrinks with the time left (an eighth of it), within [minimum, recheck]. Past the
     * deadline nothing is urgent any more (no capture can be sent), so the longest wait applies.
     */
    public Instant recheckAt(Instant now, Instant deadline) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return now.plus(settings.recheck());
        }
        Duration delay = left.dividedBy(8);
        if (delay.compareTo(settings.recheck()) > 0) {
            delay = settings.recheck();
        }
        if (delay.compareTo(settings.minimumRecheck()) < 0) {
            delay = settings.minimumRecheck();
        }
        return now.plus(delay);
    }

    private static boolean getsWarnings(Authorization a) {
        if (a.mode() == CaptureMode.AUTOMATIC) {
            return false;
        }
        return switch (a.status()) {
            case AUTHORIZED, CAPTURE_SCHEDULED, CAPTURE_REQUESTED, CAPTURE_PENDING, CAPTURE_UNKNOWN -> true;
            case AWAITING_AUTO_CAPTURE, CAPTURED, CAPTURE_FAILED, VOID_REQUESTED, VOIDED, EXPIRED -> false;
        };
    }
}
