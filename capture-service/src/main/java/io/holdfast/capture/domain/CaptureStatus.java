package io.holdfast.capture.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one authorization in the capture schedule. The allowed previous states of each state are listed
 * once, in the static block below; {@link #assertCanFollow(CaptureStatus)} guards every transition.
 */
public enum CaptureStatus {
    /** AUTOMATIC: Antom captures by itself. action: wait for notifyCapture, inquire when it is late. */
    AWAITING_AUTO_CAPTURE,
    /** MANUAL, nobody asked to capture yet. action: warnings, then the deadline policy at deadline - margin. */
    AUTHORIZED,
    /** A capture will be sent at captureAt (merchant's capture / capture-at, or the CAPTURE policy). */
    CAPTURE_SCHEDULED,
    /** The attempt row is written: the capture may have been sent. action: inquire after the recheck delay. */
    CAPTURE_REQUESTED,
    /** Antom answered CAPTURE_IN_PROCESS. action: wait for notifyCapture, inquire as a fallback. */
    CAPTURE_PENDING,
    /** Timeout, transport error or U. action: inquire; resend with the same captureRequestId when absent. */
    CAPTURE_UNKNOWN,
    /** Terminal: Antom captured the authorized amount. */
    CAPTURED,
    /**
     * Antom refused the capture with a final F (after an earlier unknown: only once an inquiry confirmed it). Terminal
     * but for Antom's later word: a verified success for the same captureRequestId moves it to CAPTURED.
     */
    CAPTURE_FAILED,
    /** VOID policy: a CancelPayment command went out. action: at the deadline, report expiry if still not void. */
    VOID_REQUESTED,
    /** Terminal: the authorization was cancelled (AuthorizationCancelled). */
    VOIDED,
    /** Terminal: the deadline passed without a capture. */
    EXPIRED;

    private static final Map<CaptureStatus, Set<CaptureStatus>> PREVIOUS = new EnumMap<>(CaptureStatus.class);

    static {
        PREVIOUS.put(AWAITING_AUTO_CAPTURE, EnumSet.noneOf(CaptureStatus.class));
        PREVIOUS.put(AUTHORIZED, EnumSet.noneOf(CaptureStatus.class));
        PREVIOUS.put(CAPTURE_SCHEDULED, EnumSet.of(AUTHORIZED, CAPTURE_SCHEDULED));
        PREVIOUS.put(CAPTURE_REQUESTED, EnumSet.of(CAPTURE_SCHEDULED, CAPTURE_REQUESTED, CAPTURE_UNKNOWN,
                CAPTURE_PENDING));
        PREVIOUS.put(CAPTURE_PENDING, EnumSet.of(CAPTURE_REQUESTED, CAPTURE_UNKNOWN, CAPTURE_PENDING));
        PREVIOUS.put(CAPTURE_UNKNOWN, EnumSet.of(CAPTURE_REQUESTED, CAPTURE_UNKNOWN));
        // EXPIRED / CAPTURE_FAILED -> CAPTURED: a late verified success proves our capture did go through; Antom is
        // the truth (CaptureSucceeded then names the CaptureFailed it corrects)
        PREVIOUS.put(CAPTURED, EnumSet.of(AWAITING_AUTO_CAPTURE, CAPTURE_REQUESTED, CAPTURE_PENDING,
                CAPTURE_UNKNOWN, EXPIRED, CAPTURE_FAILED));
        PREVIOUS.put(CAPTURE_FAILED, EnumSet.of(AWAITING_AUTO_CAPTURE, CAPTURE_REQUESTED, CAPTURE_PENDING,
                CAPTURE_UNKNOWN));
        PREVIOUS.put(VOID_REQUESTED, EnumSet.of(AUTHORIZED));
        // AuthorizationCancelled is authoritative: Antom never cancels a captured authorization
        PREVIOUS.put(VOIDED, EnumSet.of(AUTHORIZED, CAPTURE_SCHEDULED, VOID_REQUESTED, AWAITING_AUTO_CAPTURE,
                CAPTURE_REQUESTED, CAPTURE_PENDING, CAPTURE_UNKNOWN, EXPIRED));
        PREVIOUS.put(EXPIRED, EnumSet.of(AWAITING_AUTO_CAPTURE, AUTHORIZED, CAPTURE_SCHEDULED, CAPTURE_REQUESTED,
                CAPTURE_PENDING, CAPTURE_UNKNOWN, VOID_REQUESTED));
    }

    /** The states this one may follow. */
    public Set<CaptureStatus> validPrevious() {
        return PREVIOUS.get(this);
    }

    /** Throws when this state may not follow {@code from}. */
    public void assertCanFollow(CaptureStatus from) {
        if (!PREVIOUS.get(this).contains(from)) {
            throw new IllegalStateException("illegal transition " + from + " -> " + this);
        }
    }

    /** True when nothing more will happen to the authorization. */
    public boolean isTerminal() {
        return switch (this) {
            case CAPTURED, CAPTURE_FAILED, VOIDED, EXPIRED -> true;
            case AWAITING_AUTO_CAPTURE, AUTHORIZED, CAPTURE_SCHEDULED, CAPTURE_REQUESTED, CAPTURE_PENDING,
                    CAPTURE_UNKNOWN, VOID_REQUESTED -> false;
        };
    }

    /** True when a capture may have been sent and its result is not confirmed yet. */
    public boolean isCaptureInFlight() {
        return switch (this) {
            case CAPTURE_REQUESTED, CAPTURE_PENDING, CAPTURE_UNKNOWN -> true;
            case AWAITING_AUTO_CAPTURE, AUTHORIZED, CAPTURE_SCHEDULED, CAPTURED, CAPTURE_FAILED, VOID_REQUESTED,
                    VOIDED, EXPIRED -> false;
        };
    }
}
