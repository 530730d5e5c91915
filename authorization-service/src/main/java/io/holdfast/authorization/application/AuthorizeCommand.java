package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.DeadlinePolicy;
import io.holdfast.authorization.domain.NewPayment;

/**
 * An AuthorizePayment command.
 *
 * @param fingerprint digest of the command's content (not of its envelope), to tell a redelivery of the same
 *     request from a conflicting one with the same paymentRequestId
 * @param commandFingerprint digest of everything but the envelope's commandId and issuedAt (merchantId,
 *     paymentRequestId, payload type, payload), kept in the inbox next to the commandId to tell a redelivery from a
 *     reuse of the commandId with other content
 */
public record AuthorizeCommand(String commandId, String merchantId, String fingerprint, DeadlinePolicy deadlinePolicy,
        PayOrder order, String commandFingerprint) {

    public String paymentRequestId() {
        return order.paymentRequestId();
    }

    NewPayment toNewPayment() {
        return new NewPayment(order.paymentRequestId(), merchantId, order.amount(), order.captureMode(),
                deadlinePolicy, fingerprint);
    }
}
