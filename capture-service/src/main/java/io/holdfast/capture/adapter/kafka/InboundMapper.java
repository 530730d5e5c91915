package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.domain.AuthorizedPayment;
import io.holdfast.capture.domain.CaptureMode;
import io.holdfast.capture.domain.CaptureNotification;
import io.holdfast.capture.domain.CaptureRequest;
import io.holdfast.capture.domain.DeadlinePolicy;
import io.holdfast.capture.domain.Money;
import io.holdfast.messaging.inbox.CommandFingerprint;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;

/** Maps the Avro contract's inbound records to the domain's vocabulary. */
final class InboundMapper {

    private InboundMapper() {
    }

    static AuthorizedPayment authorized(PaymentEvent e, PaymentAuthorized p) {
        return new AuthorizedPayment(e.getPaymentRequestId(), p.getPaymentId(), e.getMerchantId(), money(p.getAmount()),
                CaptureMode.valueOf(p.getCaptureMode().name()), p.getAuthorizedAt(), p.getAuthExpiryTime(),
                p.getDeadlinePolicy() == null ? null : DeadlinePolicy.valueOf(p.getDeadlinePolicy().name()));
    }

    static CaptureRequest capture(PaymentCommand c, CapturePayment p) {
        return new CaptureRequest(c.getCommandId(), c.getPaymentRequestId(), money(p.getAmount()), p.getCaptureAt(),
                CommandFingerprint.of(c));
    }

    static CaptureNotification captureResult(AlipayNotification n, CaptureResultNotification c) {
        return new CaptureNotification(n.getNotificationId(), c.getPaymentId(), c.getCaptureRequestId(),
                c.getCaptureId(), "S".equals(c.getResultStatus()), c.getResultCode(), c.getResultMessage(),
                money(c.getCaptureAmount()), c.getCaptureTime());
    }

    private static Money money(io.holdfast.schemas.common.Money m) {
        return new Money(m.getValueMinor(), m.getCurrency());
    }
}
