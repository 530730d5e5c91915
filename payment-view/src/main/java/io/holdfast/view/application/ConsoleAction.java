package io.holdfast.view.application;

import io.holdfast.view.domain.Money;
import java.time.Instant;

/**
 * An operator's action, as audited and as published on payments.commands.
 *
 * @param commandId the command's id (the confirmation page's, so a double submission publishes once)
 * @param paymentRequestId the payment
 * @param merchantId the payment's owner (the command must carry it, or the owning service refuses it)
 * @param operatorId the operator's login (the command's operatorId)
 * @param action what to do
 * @param amount for CAPTURE: the authorized amount
 * @param policy for CHANGE_POLICY: CAPTURE, VOID or EXPIRE
 * @param reason the operator's reason, optional
 * @param issuedAt when
 */
public record ConsoleAction(String commandId, String paymentRequestId, String merchantId, String operatorId,
        Kind action, Money amount, String policy, String reason, Instant issuedAt) {

    /** The console's actions. */
    public enum Kind {
        CAPTURE, CANCEL, CHANGE_POLICY
    }

    /** A line for the audit table and the timeline. */
    public String detail() {
        return switch (action) {
            case CAPTURE -> "capture " + amount.valueMinor() + " " + amount.currency();
            case CANCEL -> "cancel" + (reason == null ? "" : ": " + reason);
            case CHANGE_POLICY -> "deadline policy → " + policy + (reason == null ? "" : ": " + reason);
        };
    }
}
