package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.CancelInitiator;

/**
 * A CancelPayment command (from the merchant, or the deadline guardian's VOID policy).
 *
 * @param commandFingerprint digest of the command's content (see {@link AuthorizeCommand#commandFingerprint()})
 */
public record CancelCommand(String commandId, String paymentRequestId, String merchantId, CancelInitiator initiator,
        String reason, String commandFingerprint) {
}
