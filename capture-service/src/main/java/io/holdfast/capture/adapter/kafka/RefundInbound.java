package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.domain.Money;
import io.holdfast.capture.domain.RefundCommand;
import io.holdfast.capture.domain.RefundNotice;
import io.holdfast.messaging.inbox.CommandFingerprint;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.RefundResultNotification;

/** Maps RefundPayment and notifyRefund records to the domain's vocabulary. */
final class RefundInbound {

    private RefundInbound() {
    }

    static RefundCommand command(PaymentCommand c, RefundPayment p) {
        return new RefundCommand(c.getCommandId(), c.getPaymentRequestId(), p.getRefundRequestId(),
                money(p.getAmount()), p.getReason(), p.getCaptureId(), CommandFingerprint.of(c));
    }

    static RefundNotice notice(AlipayNotification n, RefundResultNotification r) {
        return new RefundNotice(n.getNotificationId(), r.getRefundRequestId(), r.getRefundId(),
                "S".equals(r.getResultStatus()) && "SUCCESS".equals(r.getRefundStatus()), r.getResultCode(),
                r.getResultMessage(), money(r.getRefundAmount()), r.getRefundTime());
    }

    private static Money money(io.holdfast.schemas.common.Money m) {
        return new Money(m.getValueMinor(), m.getCurrency());
    }
}
