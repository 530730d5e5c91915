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
import org.springframework.kafka.core.KafkaTemplate;

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
 */
public final class KafkaPublishers implements NotificationPublisher, CommandPublisher {

    private final KafkaTemplate<String, SpecificRecord> template;
    private final Executor sendExecutor;
    private volatile boolean brokerConfirming;

    public KafkaPublishers(KafkaTemplate<String, SpecificRecord> template, Executor sendExecutor) {
        this.template = template;
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
        CompletableFuture<?> sent;
        try {
            sent = brokerConfirming ? template.send(topic, key, value)
                    : CompletableFuture.supplyAsync(() -> template.send(topic, key, value), sendExecutor)
                            .thenCompose(future -> future);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
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
}
