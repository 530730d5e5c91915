package io.holdfast.ingest.adapter.kafka;

import io.holdfast.ingest.application.CommandPublisher;
import io.holdfast.ingest.application.NotificationPublisher;
import io.holdfast.ingest.domain.command.MerchantCommand;
import io.holdfast.ingest.domain.notification.VerifiedNotification;
import io.holdfast.schemas.Topics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes on Kafka with a producer configured acks=all and idempotence on; a future completes only when the broker
 * confirmed the write. {@code send} is started on {@code sendExecutor}: the producer may block the caller for up to
 * {@code max.block.ms} while it fetches metadata (e.g. broker down at start-up), and the caller must not be an event
 * loop thread.
 */
public final class KafkaPublishers implements NotificationPublisher, CommandPublisher {

    private final KafkaTemplate<String, SpecificRecord> template;
    private final Executor sendExecutor;

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
        // completion hops back to the pool: otherwise everything downstream of the future (the HTTP answer's rendering
        // included) would run on the producer's single I/O thread and make it the bottleneck
        return CompletableFuture.supplyAsync(() -> template.send(topic, key, value), sendExecutor)
                .thenCompose(sent -> sent)
                .thenApplyAsync(result -> null, sendExecutor);
    }
}
