package io.holdfast.capture.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One authorization in the capture schedule (one row of {@code capture_schedule}). Immutable: every change is a
 * named {@code with…} step that checks the state machine.
 *
 * @param merchantId null for a single-merchant deployment
 * @param deadline authExpiryTime, or authorizedAt + the fallback
 * @param captureAt when a scheduled capture is to be sent; null unless one was scheduled
 * @param captureRequestId the idempotency key of our capture (deterministic), or Antom's for automatic capture
 * @param captureRequestedAt when the attempt row was first written (the age of an unconfirmed capture)
 * @param lastWarning the smallest warning offset already emitted; null before the first warning
 * @param nextActionAt when the state's own action is due (policy, scheduled capture, inquiry); null if none
 * @param deadlineMissed true when the deadline passed although the policy was to capture or void
 * @param attempts the latest capture attempt (every attempt, not only the first, is checked against the deadline)
 * @param version optimistic-lock version of the row
 */
public record Authorization(String paymentRequestId, String paymentId, String merchantId, Money amount,
        CaptureMode mode, Instant authorizedAt, Instant deadline, DeadlinePolicy policy, CaptureStatus status,
        Instant captureAt, String captureRequestId, Instant captureRequestedAt, String captureId,
        Instant capturedAt, Duration lastWarning, Instant nextActionAt, boolean deadlineMissed, Attempts attempts,
        long version) {

    public Authorization {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(status, "status");
        attempts = attempts == null ? Attempts.NONE : attempts;
    }

    /** The longest paymentRequestId (in UTF-8 bytes) whose capture request id is the readable {@code cap-<id>}. */
    static final int READABLE_MAX_BYTES = 60;

    /**
     * The deterministic capture request id of a MANUAL capture: one per authorization, reused on every retry, at
     * most 64 characters (Antom's limit) for every paymentRequestId. {@code cap-<paymentRequestId>} while that fits
     * (ids of at most 60 bytes, unchanged from the first release); otherwise {@code caph-} and the first 59 hex
     * digits of SHA-256 over the id's UTF-8 bytes (236 bits). The two forms never meet ({@code cap-} vs
     * {@code caph}). Migration V3's check constraint computes the same derivation in PostgreSQL.
     */
    public static String captureRequestIdFor(String paymentRequestId) {
        byte[] bytes = paymentRequestId.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= READABLE_MAX_BYTES) {
            return "cap-" + paymentRequestId;
        }
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return "caph-" + digest.substring(0, 59);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    /** The deterministic commandId of the CancelPayment the VOID policy publishes. */
    public static String voidCommandIdFor(String paymentRequestId) {
        return "void-" + paymentRequestId;
    }

    /** A new state with its next action time. */
    public Authorization to(CaptureStatus next, Instant nextAction) {
        next.assertCanFollow(status);
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, next, captureAt, captureRequestId, captureRequestedAt, captureId, capturedAt, lastWarning,
                next.isTerminal() ? null : nextAction, deadlineMissed,
                next == CaptureStatus.CAPTURE_UNKNOWN ? attempts.unknown() : attempts, version);
    }

    /** The same row at another optimistic-lock version. */
    public Authorization withVersion(long newVersion) {
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, status, captureAt, captureRequestId, captureRequestedAt, captureId, capturedAt, lastWarning,
                nextActionAt, deadlineMissed, attempts, newVersion);
    }

    /** Same state, next action at {@code at}. */
    public Authorization recheckAt(Instant at) {
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, status, captureAt, captureRequestId, captureRequestedAt, captureId, capturedAt, lastWarning,
                at, deadlineMissed, attempts, version);
    }

    /** A capture scheduled for {@code at}. */
    public Authorization scheduledAt(Instant at) {
        CaptureStatus.CAPTURE_SCHEDULED.assertCanFollow(status);
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, CaptureStatus.CAPTURE_SCHEDULED, at, captureRequestId, captureRequestedAt, captureId,
                capturedAt, lastWarning, at, deadlineMissed, attempts, version);
    }

    /**
     * The attempt row: the capture may be sent from now on. An id already written is kept, never re-derived: it may
     * have reached Antom, and a capture that did must be retried and inquired with the same id.
     */
    public Authorization requested(Instant now, Instant recheckAt) {
        CaptureStatus.CAPTURE_REQUESTED.assertCanFollow(status);
        String requestId = captureRequestId != null ? captureRequestId : captureRequestIdFor(paymentRequestId);
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, CaptureStatus.CAPTURE_REQUESTED, captureAt, requestId,
                captureRequestedAt == null ? now : captureRequestedAt, captureId, capturedAt, lastWarning, recheckAt,
                deadlineMissed, attempts.attemptedAt(now, status != CaptureStatus.CAPTURE_SCHEDULED), version);
    }

    /**
     * Antom refused the capture ({@code requestId}: ours for MANUAL, Antom's own for AUTOMATIC, kept so that a later
     * success for the same capture can correct the failure).
     */
    public Authorization failed(String requestId) {
        CaptureStatus.CAPTURE_FAILED.assertCanFollow(status);
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, CaptureStatus.CAPTURE_FAILED, captureAt, requestId != null ? requestId : captureRequestId,
                captureRequestedAt, captureId, capturedAt, lastWarning, null, deadlineMissed, attempts, version);
    }

    /** Antom confirmed the capture. */
    public Authorization captured(String requestId, String antomCaptureId, Instant at) {
        CaptureStatus.CAPTURED.assertCanFollow(status);
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, CaptureStatus.CAPTURED, captureAt, requestId, captureRequestedAt, antomCaptureId, at,
                lastWarning, null, deadlineMissed, attempts, version);
    }

    /** The deadline passed without a capture; {@code missed} when the policy should have prevented it. */
    public Authorization expired(boolean missed) {
        CaptureStatus.EXPIRED.assertCanFollow(status);
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, CaptureStatus.EXPIRED, captureAt, captureRequestId, captureRequestedAt, captureId,
                capturedAt, lastWarning, null, missed, attempts, version);
    }

    /** The warning at {@code offset} was emitted. */
    public Authorization warned(Duration offset) {
        return new Authorization(paymentRequestId, paymentId, merchantId, amount, mode, authorizedAt, deadline,
                policy, status, captureAt, captureRequestId, captureRequestedAt, captureId, capturedAt, offset,
                nextActionAt, deadlineMissed, attempts, version);
    }

    /** The last moment the policy may act: {@code deadline - safetyMargin}. */
    public Instant policyTime(GuardianSettings settings) {
        return deadline.minus(settings.safetyMargin());
    }
}
