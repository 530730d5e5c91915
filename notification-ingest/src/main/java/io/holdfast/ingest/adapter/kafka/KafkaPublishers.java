package io.holdfast.ingest.adapter.kafka;

import io.holdfast.ingest.application.CommandPublisher;
import io.holdfast.ingest.application.NotificationPublisher;
import io.holdfast.ingest.domain.command.MerchantCommand;
import io.holdfast.ingest.domain.notification.VerifiedNotification;
import io.holdfast.schemas.Topics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Publishes on Kafka with a producer configured acks=all and idempotence on; a future completes only when the broker
 * confirmed the write.
 *
 * <p>The producer's {@code send} may block its caller for up to {@code max.block.ms} while it fetches metadata (broker
 * down at start-up, or a topic's metadata expired after an idle spell while the broker is down), and callers are
 * event-loop threads. So sends start on {@code sendExecutor} until one succeeds, and again after any failure; while
 * the broker confirms writes, metadata is known and {@code send} only appends to the accumulator, so it runs on the
 * caller (a thread hop per record costs more CPU than the append itself). {@code metadata.max.idle.ms} is set high so
 * an idle spell does not drop the topic's metadata.
 *
 * <p>Records go to the template's producer directly, not through {@link KafkaTemplate#send}: a profile of the
 * notification edge showed the template's own work per record (observation, timer, listener and callback wrapping)
 * costing a third of the producer's {@code send}. The producer is the factory's shared one (spring-kafka's
 * close-safe wrapper), looked up for every record as the template does, so a reset factory's new producer is used.
 */
public final class KafkaPublishers implements NotificationPublisher, CommandPublisher {

    private final ProducerFactory<String, SpecificRecord> producers;
    private final Executor sendExecutor;
    private volatile boolean brokerConfirming;

    public KafkaPublishers(KafkaTemplate<String, SpecificRecord> template, Executor sendExecutor) {
        this.producers = template.getProducerFactory();
        this.sendExecutor = sendExecutor;
    }

    @Override
    public CompletableFuture<Void> publish(VerifiedNotification notification) {
        return send(Topics.ALIPAY_NOTIFICATIONS, notification.payload().key(), AvroNotifications.toAvro(notification));
    }

    @Override
    public CompletableFuture<Void> publish(MerchantCommand command) {
        return send(Topics.PAYMENTS_COMMANDS, command.paymentRequestId(), AvroCommands.toAvro(command));
    }

    private CompletableFuture<Void> send(String topic, String key, SpecificRecord value) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic, key, value);
        CompletableFuture<Void> sent = brokerConfirming ? append(record)
                : CompletableFuture.supplyAsync(() -> append(record), sendExecutor).thenCompose(future -> future);
        // completion continues on the pool, not on the producer's single I/O thread (Kafka's advice for callbacks):
        // everything downstream, the HTTP answer included, would otherwise run there
        return sent.handleAsync((result, error) -> {
            brokerConfirming = error == null;
            if (error != null) {
                throw error instanceof CompletionException completion ? completion : new CompletionException(error);
            }
            return null;
        }, sendExecutor);
    }

    /** Hands the record to the producer; the future completes when the broker confirmed it, or failed. */
    private CompletableFuture<Void> append(ProducerRecord<String, SpecificRecord> record) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        try {
            // the factory's shared producer, looked up per record as the template does: after a reset or a fatal error
            // the factory makes a new one
            producers.createProducer().send(record, (metadata, error) -> {
                if (error == null) {
                    confirmed.complete(null);
                } else {
                    confirmed.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            confirmed.completeExceptionally(e);
        }
        return confirmed;
    }
}
