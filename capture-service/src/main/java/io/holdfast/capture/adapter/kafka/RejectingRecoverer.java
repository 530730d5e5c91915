package io.holdfast.capture.adapter.kafka;

import io.holdfast.capture.application.CaptureCommandHandler;
import io.holdfast.capture.application.PaymentNotYetKnownException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Before a record is dead-lettered: a CapturePayment whose payment is still unknown after its bounded wait becomes
 * CommandRejected(UNKNOWN_PAYMENT). The shared policy then keeps the record on the dead-letter topic.
 */
final class RejectingRecoverer implements ConsumerRecordRecoverer {

    private final CaptureCommandHandler commands;

    RejectingRecoverer(CaptureCommandHandler commands) {
        this.commands = commands;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof PaymentNotYetKnownException unknown) {
                commands.rejectUnknown(unknown.request(), unknown.merchantId()).block(Duration.ofSeconds(30));
                break;
            }
        }
    }
}
