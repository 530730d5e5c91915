package io.holdfast.authorization.adapter.kafka;

import io.holdfast.authorization.application.AuthorizationService;
import io.holdfast.authorization.application.CommandOutcome;
import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.alipay.client.model.AntomFields.Violation;
import io.holdfast.messaging.alipay.RecordRules;
import io.holdfast.messaging.consumer.InvalidRecordException;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.ChangeDeadlinePolicy;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;

/**
 * payments.commands: AuthorizePayment and CancelPayment (CapturePayment, RefundPayment and ChangeDeadlinePolicy belong
 * to the capture-service).
 */
public final class CommandListener {

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

    private final AuthorizationService service;
    private final Duration timeout;

    public CommandListener(AuthorizationService service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    @KafkaListener(id = "authorization-commands", topics = Topics.PAYMENTS_COMMANDS,
            groupId = "${holdfast.authorization.kafka.group-id:authorization-service}")
    public void on(ConsumerRecord<String, PaymentCommand> record) {
        PaymentCommand command = record.value();
        Object payload = command.getPayload();
        if (isCaptureServices(payload)) {
            log.debug("command {} is a {}: the capture-service's", command.getCommandId(),
                    payload.getClass().getSimpleName());
            return;
        }
        Optional<Violation> violation = RecordRules.command(command);
        if (violation.isPresent()) {
            refuse(record, command, violation.get());
        }
        Mono<CommandOutcome> handled;
        if (payload instanceof AuthorizePayment authorize) {
            handled = service.authorize(InvalidRecordException.mapping("command " + command.getCommandId(),
                    () -> CommandMapper.authorize(command, authorize)));
        } else if (payload instanceof CancelPayment cancel) {
            handled = service.cancel(InvalidRecordException.mapping("command " + command.getCommandId(),
                    () -> CommandMapper.cancel(command, cancel)));
        } else {
            throw new IllegalStateException("unhandled command payload " + payload.getClass());
        }
        CommandOutcome outcome = handled.block(timeout);
        log.info("command {} ({}) for payment {}: {}", command.getCommandId(), payload.getClass().getSimpleName(),
                command.getPaymentRequestId(), outcome);
        if (outcome instanceof CommandOutcome.Rejected rejected) {
            throw new RejectedCommandException("command " + command.getCommandId() + " rejected: "
                    + rejected.reason() + " " + rejected.message());
        }
    }

    private static boolean isCaptureServices(Object payload) {
        return payload instanceof CapturePayment || payload instanceof RefundPayment
                || payload instanceof ChangeDeadlinePolicy;
    }

    /**
     * A command breaking the contract's field rules (messaging's {@code RecordRules}; a CapturePayment is the
     * capture-service's to refuse): CommandRejected(INVALID_FIELD) to its sender, then the dead-letter topic. Without
     * a usable paymentRequestId there is no one to address it to: dead-lettered (the unreadable-command recoverer
     * answers by the record's key where that is usable).
     */
    private void refuse(ConsumerRecord<String, PaymentCommand> record, PaymentCommand command, Violation violation) {
        String recordId = record.topic() + "-" + record.partition() + "@" + record.offset();
        String paymentRequestId = RecordRules.validIdOrNull(command.getPaymentRequestId(), AntomFields.ID_MAX);
        if (paymentRequestId == null) {
            throw new InvalidRecordException("command at " + recordId + " breaks the contract: "
                    + violation.message(), null);
        }
        service.rejectInvalid(recordId, paymentRequestId,
                RecordRules.validIdOrNull(command.getCommandId(), RecordRules.COMMAND_ID_MAX),
                RecordRules.validIdOrNull(command.getMerchantId(), RecordRules.MERCHANT_ID_MAX), violation.field(),
                violation.message()).block(timeout);
        throw new RejectedCommandException("command at " + recordId + " rejected: INVALID_FIELD "
                + violation.message());
    }
}
