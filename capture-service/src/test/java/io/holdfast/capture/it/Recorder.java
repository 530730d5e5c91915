package io.holdfast.capture.it;

import io.holdfast.messaging.testing.TestConsumers;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.PaymentEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;

/** Records everything on the topics it is given (dead-letter topics apart), on its own thread, for assertions. */
final class Recorder implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<SpecificRecord> records = new CopyOnWriteArrayList<>();
    private final List<SpecificRecord> deadLetters = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Recorder(String bootstrap, String registryUrl, List<String> topics) {
        consumer = TestConsumers.avroFromTheBeginning(bootstrap, registryUrl, "recorder");
        consumer.subscribe(topics);
        thread = new Thread(this::run, "recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                try {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> (r.topic().endsWith(".DLT") ? deadLetters
                            : records).add(r.value()));
                } catch (RecordDeserializationException e) {
                    // raw bytes a fuzz test wrote: not ours to record, step over them
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Events about one payment with the given payload type. */
    <T> List<T> events(String paymentRequestId, Class<T> payload) {
        return records.stream().filter(r -> r instanceof PaymentEvent).map(r -> (PaymentEvent) r)
                .filter(e -> paymentRequestId.equals(e.getPaymentRequestId()))
                .map(PaymentEvent::getPayload).filter(payload::isInstance).map(payload::cast).toList();
    }

    /** The envelopes of the events about one payment with the given payload type. */
    <T> List<PaymentEvent> envelopes(String paymentRequestId, Class<T> payload) {
        return records.stream().filter(r -> r instanceof PaymentEvent).map(r -> (PaymentEvent) r)
                .filter(e -> paymentRequestId.equals(e.getPaymentRequestId()))
                .filter(e -> payload.isInstance(e.getPayload())).toList();
    }

    /** Commands about one payment with the given payload type. */
    <T> List<PaymentCommand> commands(String paymentRequestId, Class<T> payload) {
        return records.stream().filter(r -> r instanceof PaymentCommand).map(r -> (PaymentCommand) r)
                .filter(c -> paymentRequestId.equals(c.getPaymentRequestId()))
                .filter(c -> payload.isInstance(c.getPayload())).toList();
    }

    /** Commands about one payment kept on payments.commands.DLT. */
    List<PaymentCommand> deadLetterCommands(String paymentRequestId) {
        return deadLetters.stream().filter(r -> r instanceof PaymentCommand).map(r -> (PaymentCommand) r)
                .filter(c -> paymentRequestId.equals(c.getPaymentRequestId())).toList();
    }

    /** Every record read from a topic that is not a dead-letter topic. */
    List<SpecificRecord> all() {
        return List.copyOf(records);
    }

    /** Every record read from a dead-letter topic. */
    List<SpecificRecord> deadLetters() {
        return List.copyOf(deadLetters);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
