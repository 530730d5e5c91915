package io.holdfast.authorization.adapter.kafka;

import io.holdfast.authorization.application.AuthorizationService;
import io.holdfast.authorization.application.CommandOutcome;
import io.holdfast.messaging.consumer.InvalidRecordException;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;

/** payments.commands: AuthorizePayment and CancelPayment (CapturePayment belongs to the capture-service). */
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
        Mono<CommandOutcome> handled;
        if (payload instanceof AuthorizePayment authorize) {
            handled = service.authorize(InvalidRecordException.mapping("command " + command.getCommandId(),
                    () -> CommandMapper.authorize(command, authorize)));
        } else if (payload instanceof CancelPayment cancel) {
            handled = service.cancel(InvalidRecordException.mapping("command " + command.getCommandId(),
                    () -> CommandMapper.cancel(command, cancel)));
        } else if (payload instanceof CapturePayment) {
            log.debug("command {} is a CapturePayment: the capture-service's", command.getCommandId());
            return;
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
}
