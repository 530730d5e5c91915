package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.DeadlinePolicy;
import io.holdfast.authorization.domain.NewPayment;

/**
 * An AuthorizePayment command.
 *
 * @param fingerprint digest of the command's content (not of its envelope), to tell a redelivery of the same
 *     request from a conflicting one with the same paymentRequestId
 */
public record AuthorizeCommand(String commandId, String merchantId, String fingerprint, DeadlinePolicy deadlinePolicy,
        PayOrder order) {

    public String paymentRequestId() {
        return order.paymentRequestId();
    }

    NewPayment toNewPayment() {
        return new NewPayment(order.paymentRequestId(), merchantId, order.amount(), order.captureMode(),
                deadlinePolicy, fingerprint);
    }
}
