package io.holdfast.authorization.adapter.kafka;

import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.authorization.application.AuthorizationService;
import io.holdfast.messaging.alipay.RecordRules;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Before a record of {@code payments.commands} is dead-lettered: unless the service already rejected it (a
 * {@link RejectedCommandException} carries its own CommandRejected), the sender gets
 * {@code CommandRejected(UNREADABLE)} addressed by the record's key. authorization-service answers for every command
 * it cannot read (it cannot know whether an unreadable record was a capture); capture-service stays silent on them.
 * A record without a usable key (no paymentRequestId to address: blank, over 64 characters, control characters, a card
 * number) is only dead-lettered, and logged; a commandId or merchantId that breaks the rules is left out of the answer.
 */
public final class UnreadableCommandRejecter implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(UnreadableCommandRejecter.class);

    private final AuthorizationService service;
    private final Duration timeout;

    public UnreadableCommandRejecter(AuthorizationService service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        if (!Topics.PAYMENTS_COMMANDS.equals(record.topic()) || alreadyRejected(failure)) {
            return;
        }
        String key = record.key() instanceof String text ? RecordRules.validIdOrNull(text, AntomFields.ID_MAX) : null;
        if (key == null) {
            log.warn("unreadable command at {}-{}@{} has no usable key: dead-lettered without CommandRejected",
                    record.topic(), record.partition(), record.offset());
            return;
        }
        String commandId = null;
        String merchantId = null;
        if (record.value() instanceof PaymentCommand command) {
            // only what keeps the rules goes onto payments.events: no 10,000-character id, no card number
            commandId = RecordRules.validIdOrNull(command.getCommandId(), RecordRules.COMMAND_ID_MAX);
            merchantId = RecordRules.validIdOrNull(command.getMerchantId(), RecordRules.MERCHANT_ID_MAX);
        }
        String recordId = record.topic() + "-" + record.partition() + "@" + record.offset();
        // the exception's message may quote the record; only its type is reported back
        service.rejectUnreadable(recordId, key, commandId, merchantId, "the command could not be read or breaks the"
                + " contract (" + rootCause(failure).getClass().getSimpleName() + "); it was not applied")
                .block(timeout);
    }

    private static boolean alreadyRejected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RejectedCommandException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
