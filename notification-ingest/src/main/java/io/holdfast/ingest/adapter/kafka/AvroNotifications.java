package io.holdfast.ingest.adapter.kafka;

import io.holdfast.ingest.domain.CardFacts;
import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.notification.NotificationPayload;
import io.holdfast.ingest.domain.notification.VerifiedNotification;
import io.holdfast.schemas.common.CardSummary;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import io.holdfast.schemas.notification.RefundResultNotification;
import io.holdfast.schemas.notification.VaultingResultNotification;

/** Maps a verified notification to the Avro {@code AlipayNotification} envelope. */
final class AvroNotifications {

    private AvroNotifications() {
    }

    static AlipayNotification toAvro(VerifiedNotification notification) {
        return AlipayNotification.newBuilder()
                .setNotificationId(notification.id().value())
                .setReceivedAt(notification.receivedAt())
                .setClientId(notification.clientId())
                .setRequestTime(notification.requestTime())
                .setPayload(payload(notification.payload()))
                .build();
    }

    private static Object payload(NotificationPayload payload) {
        if (payload instanceof NotificationPayload.PaymentResult p) {
            return PaymentResultNotification.newBuilder()
                    .setNotifyType(p.notifyType())
                    .setResultStatus(p.resultStatus())
                    .setResultCode(p.resultCode())
                    .setResultMessage(p.resultMessage())
                    .setPaymentRequestId(p.paymentRequestId())
                    .setPaymentId(p.paymentId())
                    .setPaymentAmount(money(p.paymentAmount()))
                    .setPaymentCreateTime(p.paymentCreateTime())
                    .setPaymentTime(p.paymentTime())
                    .setAuthExpiryTime(p.authExpiryTime())
                    .setCard(card(p.card()))
                    .setCardToken(p.cardToken())
                    .build();
        }
        if (payload instanceof NotificationPayload.CaptureResult c) {
            return CaptureResultNotification.newBuilder()
                    .setResultStatus(c.resultStatus())
                    .setResultCode(c.resultCode())
                    .setResultMessage(c.resultMessage())
                    .setCaptureRequestId(c.captureRequestId())
                    .setPaymentId(c.paymentId())
                    .setCaptureId(c.captureId())
                    .setCaptureAmount(money(c.captureAmount()))
                    .setCaptureTime(c.captureTime())
                    .setAcquirerReferenceNo(c.acquirerReferenceNo())
                    .build();
        }
        if (payload instanceof NotificationPayload.VaultingResult v) {
            return VaultingResultNotification.newBuilder()
                    .setResultStatus(v.resultStatus())
                    .setResultCode(v.resultCode())
                    .setResultMessage(v.resultMessage())
                    .setVaultingRequestId(v.vaultingRequestId())
                    .setCardToken(v.cardToken())
                    .setCard(card(v.card()))
                    .build();
        }
        if (payload instanceof NotificationPayload.RefundResult r) {
            return RefundResultNotification.newBuilder()
                    .setResultStatus(r.resultStatus())
                    .setResultCode(r.resultCode())
                    .setResultMessage(r.resultMessage())
                    .setRefundStatus(r.refundStatus())
                    .setRefundRequestId(r.refundRequestId())
                    .setRefundId(r.refundId())
                    .setRefundAmount(money(r.refundAmount()))
                    .setRefundTime(r.refundTime())
                    .setArn(r.arn())
                    .build();
        }
        throw new IllegalStateException("unhandled " + payload);
    }

    static io.holdfast.schemas.common.Money money(Money money) {
        return money == null ? null : new io.holdfast.schemas.common.Money(money.valueMinor(), money.currency());
    }

    private static CardSummary card(CardFacts card) {
        return card == null ? null
                : new CardSummary(card.maskedCardNo(), card.brand(), card.funding(), card.issuingCountry());
    }
}
