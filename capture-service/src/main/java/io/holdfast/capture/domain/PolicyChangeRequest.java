package io.holdfast.capture.domain;

/**
 * A ChangeDeadlinePolicy command (an operator's, from the console, or a merchant's).
 *
 * @param policy the new deadline policy
 * @param reason why, optional
 * @param operatorId the operator's login when an operator issued it (the event's changedBy); else null
 * @param contentFingerprint digest of the command's content, as for CapturePayment
 */
public record PolicyChangeRequest(String commandId, String paymentRequestId, DeadlinePolicy policy, String reason,
        String operatorId, String contentFingerprint) {
}
