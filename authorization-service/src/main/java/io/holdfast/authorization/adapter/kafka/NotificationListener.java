package io.holdfast.authorization.adapter.kafka;

import io.holdfast.authorization.adapter.alipay.DeclineAdvice;
import io.holdfast.authorization.application.NotificationService;
import io.holdfast.authorization.domain.AuthorizationResult;
import io.holdfast.authorization.domain.CardSummary;
import io.holdfast.messaging.alipay.RecordRules;
import io.holdfast.messaging.consumer.InvalidRecordException;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * alipay.notifications: final notifyPayment results (S or F). PAYMENT_PENDING and U notifications carry no verdict
 * and are only logged; capture and vaulting results belong to others. A notifyPayment that breaks the contract's field
 * rules (messaging's {@code RecordRules}) is dead-lettered with the broken rule as its reason; the partition moves on.
 */
public final class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final NotificationService service;
    private final Duration timeout;

    public NotificationListener(NotificationService service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    @KafkaListener(id = "authorization-notifications", topics = Topics.ALIPAY_NOTIFICATIONS,
            groupId = "${holdfast.authorization.kafka.group-id:authorization-service}")
    public void on(ConsumerRecord<String, AlipayNotification> record) {
        AlipayNotification notification = record.value();
        if (!(notification.getPayload() instanceof PaymentResultNotification result)) {
            return;
        }
        RecordRules.notification(notification).ifPresent(violation -> {
            throw new InvalidRecordException("notification breaks the contract: " + violation.message(), null);
        });
        AuthorizationResult verdict = InvalidRecordException.mapping("notification " + notification.getNotificationId(),
                () -> verdict(result, notification.getReceivedAt()));
        if (verdict == null) {
            log.info("notification {} for payment {} carries no verdict ({} {} {}): ignored",
                    notification.getNotificationId(), result.getPaymentRequestId(), result.getNotifyType(),
                    result.getResultStatus(), result.getResultCode());
            return;
        }
        service.onPaymentResult(notification.getNotificationId(), result.getPaymentRequestId(), verdict)
                .block(timeout);
    }

    /** The verdict of a PAYMENT_RESULT with S or F; null otherwise. */
    static AuthorizationResult verdict(PaymentResultNotification result, Instant receivedAt) {
        if (!"PAYMENT_RESULT".equals(result.getNotifyType())) {
            return null;
        }
        if ("S".equals(result.getResultStatus())) {
            io.holdfast.schemas.common.CardSummary card = result.getCard();
            return new AuthorizationResult.Approved(result.getPaymentId(),
                    result.getPaymentTime() == null ? receivedAt : result.getPaymentTime(), result.getAuthExpiryTime(),
                    card == null ? null : new CardSummary(card.getMaskedCardNo(), card.getCardBrand(),
                            card.getFunding(), card.getIssuingCountry()));
        }
        if ("F".equals(result.getResultStatus())) {
            return new AuthorizationResult.Declined(result.getPaymentId(), result.getResultCode(),
                    result.getResultMessage(), DeclineAdvice.forCode(result.getResultCode()));
        }
        return null;
    }
}
