package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.CaptureNotificationHandler;
import io.holdfast.capture.application.PaymentEventHandler;
import io.holdfast.messaging.consumer.InvalidRecordException;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The three consumers, thin: map, hand to the use case, block until its transaction committed (the offset is
 * committed after that). Errors propagate to the shared consumer error policy (messaging): transient ones are
 * retried until they end, a record that breaks the contract is dead-lettered.
 * Records this service does not handle (other events, AuthorizePayment, CancelPayment, notifyPayment) are skipped.
 * All three consume in the group {@code spring.kafka.consumer.group-id} ({@code capture-service}, the group the
 * KafkaUser ACL and the KEDA ScaledObject name): {@code idIsGroup = false}, so a listener id never becomes a group.
 */
final class CaptureListeners {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PaymentEventHandler events;
    private final CaptureCommandHandler commands;
    private final CaptureNotificationHandler notifications;

    CaptureListeners(PaymentEventHandler events, CaptureCommandHandler commands,
            CaptureNotificationHandler notifications) {
        this.events = events;
        this.commands = commands;
        this.notifications = notifications;
    }

    @KafkaListener(id = "capture-events", topics = Topics.PAYMENTS_EVENTS, idIsGroup = false)
    void onEvent(PaymentEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof PaymentAuthorized p) {
            events.authorized(event.getEventId(), InvalidRecordException.mapping("event " + event.getEventId(),
                    () -> InboundMapper.authorized(event, p))).block(TIMEOUT);
        } else if (payload instanceof AuthorizationCancelled) {
            events.cancelled(event.getEventId(), event.getPaymentRequestId()).block(TIMEOUT);
        }
    }

    @KafkaListener(id = "capture-commands", topics = Topics.PAYMENTS_COMMANDS, idIsGroup = false)
    void onCommand(PaymentCommand command) {
        if (command.getPayload() instanceof CapturePayment p) {
            CaptureCommandHandler.Outcome outcome = commands.capture(InvalidRecordException.mapping(
                    "command " + command.getCommandId(), () -> InboundMapper.capture(command, p)),
                    command.getMerchantId()).block(TIMEOUT);
            if (outcome == CaptureCommandHandler.Outcome.REJECTED) {
                // CommandRejected is committed; the command itself is also kept on the dead-letter topic
                throw new RejectedCommandException(command.getCommandId());
            }
        }
    }

    @KafkaListener(id = "capture-notifications", topics = Topics.ALIPAY_NOTIFICATIONS, idIsGroup = false)
    void onNotification(AlipayNotification notification) {
        if (notification.getPayload() instanceof CaptureResultNotification c) {
            notifications.captureResult(InvalidRecordException.mapping("notification "
                    + notification.getNotificationId(), () -> InboundMapper.captureResult(notification, c)))
                    .block(TIMEOUT);
        }
    }
}
