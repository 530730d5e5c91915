package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.CaptureNotificationHandler;
import io.holdfast.capture.application.DeadlinePolicyCommandHandler;
import io.holdfast.capture.application.PaymentEventHandler;
import io.holdfast.capture.application.RefundHandler;
import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.alipay.client.model.AntomFields.Violation;
import io.holdfast.messaging.alipay.RecordRules;
import io.holdfast.messaging.consumer.InvalidRecordException;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.ChangeDeadlinePolicy;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.notification.RefundResultNotification;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The three consumers, thin: map, hand to the use case, block until its transaction committed (the offset is
 * committed after that). Errors propagate to the shared consumer error policy (messaging): transient ones are
 * retried until they end, a record that breaks the contract is dead-lettered.
 * Records this service does not handle (other events, AuthorizePayment, CancelPayment, notifyPayment) are skipped.
 * All three consume in the group {@code spring.kafka.consumer.group-id} ({@code capture-service}, the group the
 * KafkaUser ACL and the KEDA ScaledObject name): {@code idIsGroup = false}, so a listener id never becomes a group.
 * The records it handles must keep the contract's field rules (messaging's {@code RecordRules}): a CapturePayment
 * that breaks them is refused with CommandRejected(INVALID_FIELD), a capture notification is dead-lettered with the
 * broken rule as its reason; either way the partition moves on.
 */
final class CaptureListeners {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PaymentEventHandler events;
    private final CaptureCommandHandler commands;
    private final CaptureNotificationHandler notifications;
    private final DeadlinePolicyCommandHandler policies;
    private final RefundHandler refunds;

    CaptureListeners(PaymentEventHandler events, CaptureCommandHandler commands,
            CaptureNotificationHandler notifications, DeadlinePolicyCommandHandler policies, RefundHandler refunds) {
        this.events = events;
        this.commands = commands;
        this.notifications = notifications;
        this.policies = policies;
        this.refunds = refunds;
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
    void onCommand(ConsumerRecord<String, PaymentCommand> record) {
        PaymentCommand command = record.value();
        if (command.getPayload() instanceof CapturePayment p) {
            Optional<Violation> violation = RecordRules.command(command);
            if (violation.isPresent()) {
                refuse(record, command, violation.get());
            }
            CaptureCommandHandler.Outcome outcome = commands.capture(InvalidRecordException.mapping(
                    "command " + command.getCommandId(), () -> InboundMapper.capture(command, p)),
                    command.getMerchantId()).block(TIMEOUT);
            if (outcome == CaptureCommandHandler.Outcome.REJECTED) {
                // CommandRejected is committed; the command itself is also kept on the dead-letter topic
                throw new RejectedCommandException(command.getCommandId());
            }
        } else if (command.getPayload() instanceof ChangeDeadlinePolicy p) {
            RecordRules.command(command).ifPresent(violation -> refuse(record, command, violation));
            CaptureCommandHandler.Outcome outcome = policies.change(InvalidRecordException.mapping(
                    "command " + command.getCommandId(), () -> PolicyCommandMapper.policyChange(command, p)),
                    command.getMerchantId()).block(TIMEOUT);
            if (outcome == CaptureCommandHandler.Outcome.REJECTED) {
                throw new RejectedCommandException(command.getCommandId());
            }
        } else if (command.getPayload() instanceof RefundPayment p) {
            RecordRules.command(command).ifPresent(violation -> refuse(record, command, violation));
            RefundHandler.Outcome outcome = refunds.refund(InvalidRecordException.mapping(
                    "command " + command.getCommandId(), () -> RefundInbound.command(command, p)),
                    command.getMerchantId()).block(TIMEOUT);
            if (outcome == RefundHandler.Outcome.REJECTED) {
                throw new RejectedCommandException(command.getCommandId());
            }
        }
    }

    /**
     * A CapturePayment breaking the contract's field rules: CommandRejected(INVALID_FIELD) to its sender, then the
     * dead-letter topic. Without a usable paymentRequestId there is no one to address: dead-lettered with the reason.
     */
    private void refuse(ConsumerRecord<String, PaymentCommand> record, PaymentCommand command, Violation violation) {
        String recordId = record.topic() + "-" + record.partition() + "@" + record.offset();
        String paymentRequestId = RecordRules.validIdOrNull(command.getPaymentRequestId(), AntomFields.ID_MAX);
        if (paymentRequestId == null) {
            throw new InvalidRecordException("command at " + recordId + " breaks the contract: "
                    + violation.message(), null);
        }
        commands.rejectInvalid(recordId, paymentRequestId,
                RecordRules.validIdOrNull(command.getCommandId(), RecordRules.COMMAND_ID_MAX),
                RecordRules.validIdOrNull(command.getMerchantId(), RecordRules.MERCHANT_ID_MAX), violation.field(),
                violation.message()).block(TIMEOUT);
        throw new RejectedCommandException("at " + recordId + " (" + violation.message() + ")");
    }

    @KafkaListener(id = "capture-notifications", topics = Topics.ALIPAY_NOTIFICATIONS, idIsGroup = false)
    void onNotification(AlipayNotification notification) {
        if (notification.getPayload() instanceof CaptureResultNotification c) {
            RecordRules.notification(notification).ifPresent(violation -> {
                throw new InvalidRecordException("notification breaks the contract: " + violation.message(), null);
            });
            notifications.captureResult(InvalidRecordException.mapping("notification "
                    + notification.getNotificationId(), () -> InboundMapper.captureResult(notification, c)))
                    .block(TIMEOUT);
        } else if (notification.getPayload() instanceof RefundResultNotification r) {
            RecordRules.notification(notification).ifPresent(violation -> {
                throw new InvalidRecordException("notification breaks the contract: " + violation.message(), null);
            });
            refunds.notified(RefundInbound.notice(notification, r)).block(TIMEOUT);
        }
    }
}
