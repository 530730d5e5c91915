package io.holdfast.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;

/**
 * Time in retry, per partition: a partition enters retry at its first failed delivery and leaves it when a record
 * of it succeeds or is dead-lettered. Exposed as gauges ({@code holdfast.consumer.retry.time} — the longest time any
 * partition of this process has been retrying, in seconds — and {@code holdfast.consumer.retry.partitions}) for the
 * alert, and counters of failures by kind and of dead-lettered records by topic.
 *
 * <p>Measured on a monotonic clock, not the service's {@code Clock} bean: that one may follow the sandbox's movable
 * clock, and an outage is measured in real seconds.
 */
public final class ConsumerRetryTracker implements RetryListener, RecordInterceptor<Object, Object> {

    private final Map<TopicPartition, Long> retryingSince = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final Counter transientFailures;
    private final Counter permanentFailures;
    private final MeterRegistry meters;

    public ConsumerRetryTracker(MeterRegistry meters, LongSupplier nanoTime) {
        this.meters = meters;
        this.nanoTime = nanoTime;
        this.transientFailures = Counter.builder("holdfast.consumer.failures").tag("kind", "transient")
                .description("failed deliveries retried with backoff").register(meters);
        this.permanentFailures = Counter.builder("holdfast.consumer.failures").tag("kind", "permanent")
                .description("failed deliveries that can never succeed (dead-lettered)").register(meters);
        Gauge.builder("holdfast.consumer.retry.time", this, t -> t.longestRetry().toMillis() / 1000.0)
                .description("the longest time a partition of this process has been retrying a record")
                .baseUnit("seconds").register(meters);
        Gauge.builder("holdfast.consumer.retry.partitions", retryingSince, Map::size)
                .description("partitions paused in retry now").register(meters);
    }

    /** The longest time any partition has been in retry now; zero when none is. */
    public Duration longestRetry() {
        long now = nanoTime.getAsLong();
        long oldest = retryingSince.values().stream().mapToLong(Long::longValue).map(since -> now - since)
                .max().orElse(0);
        return Duration.ofNanos(Math.max(0, oldest));
    }

    /** Whether a partition is in retry now. */
    public boolean isRetrying(TopicPartition partition) {
        return retryingSince.containsKey(partition);
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        switch (RecordFailures.classify(ex)) {
            case TRANSIENT -> {
                transientFailures.increment();
                retryingSince.putIfAbsent(partitionOf(record), nanoTime.getAsLong());
            }
            case PERMANENT -> permanentFailures.increment();
        }
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        retryingSince.remove(partitionOf(record));
        Counter.builder("holdfast.consumer.dead.letters").tag("topic", record.topic())
                .description("records sent to the dead-letter topic").register(meters).increment();
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        retryingSince.remove(partitionOf(record));
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
