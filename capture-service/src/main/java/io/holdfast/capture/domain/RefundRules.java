package io.holdfast.capture.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Decides a RefundPayment (antom-refunds.md 4): only the payment's merchant, only a captured payment (before capture
 * the answer is a cancel), the captured currency and capture, and never more than the refundable amount (captured
 * less refunded less pending). The refundable check is made on the position read under the payment row's lock;
 * the database's constraint {@code refunds_within_captured} holds the same line.
 */
public final class RefundRules {

    /** The command a merchant should send instead of refunding an authorization that is not captured. */
    public static final String ADVICE_CANCEL = "CancelPayment";
    /** The longest commandId (UTF-8 bytes) whose derived refundRequestId is the readable {@code ref-<commandId>}. */
    static final int READABLE_MAX_BYTES = 60;

    private RefundRules() {
    }

    /** What became of a RefundPayment. */
    public sealed interface Decision {

        /** Refused; nothing is reserved or sent. */
        record Reject(RefundEvent.Rejected event) implements Decision {
        }

        /** Reserve the amount ({@code totals} is the position with it pending) and write the attempt row. */
        record Accept(RefundAttempt attempt, RefundTotals totals) implements Decision {
        }

        /** The refundRequestId is already an attempt of this payment for this amount: nothing to do. */
        record AlreadyRequested(RefundAttempt attempt) implements Decision {
        }
    }

    /**
     * The refundRequestId of a command that names none: deterministic in the commandId (a command delivered again
     * never refunds twice) and at most 64 characters: {@code ref-<commandId>} while that fits (60 bytes), otherwise
     * {@code refh-} and the first 59 hex digits of SHA-256 over the commandId.
     */
    public static String refundRequestIdFor(String commandId) {
        byte[] bytes = commandId.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= READABLE_MAX_BYTES) {
            return "ref-" + commandId;
        }
        try {
            return "refh-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 59);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * @param payment the schedule row, null when the payment is not known here
     * @param totals its refund position (read under the row's lock), null when the payment is not known
     * @param existing the attempt already holding the command's refundRequestId, or null
     * @param dueAt when the reconciler may look at a new attempt (after the immediate send had its chance)
     */
    public static Decision decide(Authorization payment, RefundTotals totals, RefundAttempt existing,
            RefundCommand command, String merchantId, Instant now, Instant dueAt) {
        if (payment == null || totals == null) {
            // every capture goes through (or is confirmed by) this service, so a payment it does not know is not
            // captured; most often it is an authorization whose PaymentAuthorized has not reached this service yet
            return reject(command, null, RejectionReason.NOT_CAPTURED, "paymentRequestId",
                    "no captured payment with this paymentRequestId is known; an authorization that is not captured "
                            + "is cancelled instead", ADVICE_CANCEL);
        }
        if (!Ownership.owns(payment.merchantId(), merchantId)) {
            return reject(command, null, RejectionReason.NOT_PAYMENT_OWNER, "merchantId",
                    "the payment belongs to another merchant", null);
        }
        String refundRequestId = command.refundRequestId() != null ? command.refundRequestId()
                : refundRequestIdFor(command.commandId());
        if (existing != null) {
            boolean same = existing.paymentRequestId().equals(payment.paymentRequestId())
                    && existing.amount().equals(command.amount());
            return same ? new Decision.AlreadyRequested(existing)
                    : reject(command, payment.paymentId(), RejectionReason.CONFLICTING_COMMAND,
                            "payload.refundRequestId", "the refundRequestId is already used by another refund", null);
        }
        return decideNew(payment, totals, command, refundRequestId, merchantId, now, dueAt);
    }

    private static Decision decideNew(Authorization payment, RefundTotals totals, RefundCommand command,
            String refundRequestId, String merchantId, Instant now, Instant dueAt) {
        Decision byState = byState(payment, command);
        if (byState != null) {
            return byState;
        }
        if (!payment.amount().currency().equals(command.amount().currency())) {
            return reject(command, payment.paymentId(), RejectionReason.CURRENCY_MISMATCH, "payload.amount.currency",
                    "a refund is in the captured currency " + payment.amount().currency(), null);
        }
        if (command.captureId() != null && !command.captureId().equals(payment.captureId())) {
            return reject(command, payment.paymentId(), RejectionReason.INVALID_FIELD, "payload.captureId",
                    "the captureId is not this payment's capture", null);
        }
        if (command.amount().valueMinor() > totals.refundableMinor()) {
            return reject(command, payment.paymentId(), RejectionReason.REFUND_EXCEEDS_REFUNDABLE, "payload.amount",
                    "the refund exceeds the refundable amount " + totals.refundableMinor() + " "
                            + totals.captured().currency() + " (captured " + totals.captured().valueMinor()
                            + ", refunded " + totals.refundedMinor() + ", pending " + totals.pendingMinor() + ")",
                    null);
        }
        return new Decision.Accept(RefundAttempt.requested(refundRequestId, payment, merchantId, command, now, dueAt),
                totals.reserve(command.amount().valueMinor()));
    }

    /** Only a captured payment is refundable; before capture the merchant is steered to a cancel. */
    private static Decision byState(Authorization payment, RefundCommand command) {
        return switch (payment.status()) {
            case CAPTURED -> null;
            case AUTHORIZED, CAPTURE_SCHEDULED -> reject(command, payment.paymentId(), RejectionReason.NOT_CAPTURED,
                    null, "the payment is authorized, not captured: cancel the authorization instead", ADVICE_CANCEL);
            case AWAITING_AUTO_CAPTURE, CAPTURE_REQUESTED, CAPTURE_PENDING, CAPTURE_UNKNOWN ->
                    reject(command, payment.paymentId(), RejectionReason.NOT_CAPTURED, null,
                            "a capture of the payment is in process; refund it once it is captured", null);
            case CAPTURE_FAILED, VOID_REQUESTED, VOIDED, EXPIRED -> reject(command, payment.paymentId(),
                    RejectionReason.NOT_CAPTURED, null, "the payment was not captured: nothing to refund", null);
        };
    }

    private static Decision reject(RefundCommand command, String paymentId, RejectionReason reason, String field,
            String message, String advice) {
        return new Decision.Reject(new RefundEvent.Rejected(command.paymentRequestId(), paymentId,
                command.commandId(), reason, field, message, advice));
    }
}
