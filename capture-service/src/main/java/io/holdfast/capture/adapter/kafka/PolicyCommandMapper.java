package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.PolicyChangeRequest;
import io.holdfast.messaging.inbox.CommandFingerprint;
import io.holdfast.schemas.command.ChangeDeadlinePolicy;
import io.holdfast.schemas.command.PaymentCommand;

/** ChangeDeadlinePolicy (Avro) → the domain's request, with the same content fingerprint as CapturePayment. */
final class PolicyCommandMapper {

    private PolicyCommandMapper() {
    }

    static PolicyChangeRequest policyChange(PaymentCommand c, ChangeDeadlinePolicy p) {
        return new PolicyChangeRequest(c.getCommandId(), c.getPaymentRequestId(), policy(p.getPolicy()),
                p.getReason(), c.getOperatorId(), CommandFingerprint.of(c));
    }

    private static DeadlinePolicy policy(io.holdfast.schemas.common.DeadlinePolicy policy) {
        return switch (policy) {
            case CAPTURE -> DeadlinePolicy.CAPTURE;
            case VOID -> DeadlinePolicy.VOID;
            case EXPIRE -> DeadlinePolicy.EXPIRE;
        };
    }
}
