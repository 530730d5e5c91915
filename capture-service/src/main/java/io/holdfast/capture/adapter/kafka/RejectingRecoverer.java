package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.PaymentNotYetKnownException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * After the retries: a CapturePayment whose payment is still unknown becomes CommandRejected(UNKNOWN_PAYMENT);
 * every exhausted record (that one included) is kept on the dead-letter topic.
 */
final class RejectingRecoverer implements ConsumerRecordRecoverer {

    private final CaptureCommandHandler commands;
    private final DeadLetterPublishingRecoverer deadLetters;

    RejectingRecoverer(CaptureCommandHandler commands, DeadLetterPublishingRecoverer deadLetters) {
        this.commands = commands;
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof PaymentNotYetKnownException unknown) {
                commands.rejectUnknown(unknown.request(), unknown.merchantId()).block(Duration.ofSeconds(30));
                break;
            }
        }
        deadLetters.accept(record, exception);
    }
}
