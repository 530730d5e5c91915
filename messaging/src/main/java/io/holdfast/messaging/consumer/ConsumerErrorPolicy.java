package io.holdfast.messaging.consumer;

import io.holdfast.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error policy of every Holdfast consumer.
 *
 * <ul>
 *   <li>A <b>transient</b> failure ({@link RecordFailures}) is retried with capped exponential backoff <b>without
 *       limit</b>: the record is sought back and its consumer paused for the backoff interval (it keeps polling, so
 *       it stays in its group; spring-kafka's retry hook pauses the whole container, so the consumer's other
 *       partitions wait too), until the database, broker or registry is back. The time in retry is a gauge with an
 *       alert ({@link ConsumerRetryTracker}).</li>
 *   <li>A <b>permanent</b> failure goes to {@code <topic>.DLT} at once, with its original bytes, and the partition
 *       moves on. A service that rejects a command commits its {@code CommandRejected} before throwing.</li>
 * </ul>
 */
public final class ConsumerErrorPolicy {

    /**
     * Backoff of transient failures.
     *
     * @param initialInterval the first pause (default 500 ms)
     * @param multiplier growth per attempt (default 2)
     * @param maxInterval the cap (default 30 s): a recovered database is noticed within this
     */
    public record Backoff(Duration initialInterval, double multiplier, Duration maxInterval) {

        public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30));

        public Backoff {
            Objects.requireNonNull(initialInterval, "initialInterval");
            Objects.requireNonNull(maxInterval, "maxInterval");
            if (initialInterval.isNegative() || initialInterval.isZero() || multiplier < 1.0
                    || maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < initialInterval <= maxInterval and "
                        + "multiplier >= 1, got " + initialInterval + ", " + multiplier + ", " + maxInterval);
            }
        }
    }

    private final Backoff backoff;
    private ConsumerRecordRecoverer beforeDeadLetter = (record, failure) -> { };

    public ConsumerErrorPolicy(Backoff backoff) {
        this.backoff = backoff;
    }

    /** Runs before a record goes to the dead-letter topic (e.g. to commit a {@code CommandRejected}). */
    public ConsumerErrorPolicy beforeDeadLetter(ConsumerRecordRecoverer hook) {
        this.beforeDeadLetter = hook;
        return this;
    }

    /** The backoff for one failure of one record. */
    public BackOff backOffFor(Exception failure) {
        return switch (RecordFailures.classify(failure)) {
            case PERMANENT -> new FixedBackOff(0, 0);
            case TRANSIENT -> transientBackOff();
        };
    }

    private BackOff transientBackOff() {
        ExponentialBackOff exponential = new ExponentialBackOff(backoff.initialInterval().toMillis(),
                backoff.multiplier());
        exponential.setMaxInterval(backoff.maxInterval().toMillis());
        exponential.setMaxElapsedTime(Long.MAX_VALUE);
        return exponential;
    }

    /**
     * The error handler: every failure is classified by {@link #backOffFor}, none by spring-kafka's default list (which
     * would dead-letter a record whose schema could not be fetched because the registry was down).
     *
     * @param deadLetters publishes to {@code <topic>.DLT}
     * @param pausing pauses the partition during a backoff instead of sleeping in the consumer thread
     */
    public DefaultErrorHandler errorHandler(ConsumerRecordRecoverer deadLetters, BackOffHandler pausing,
            ConsumerRetryTracker tracker) {
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            beforeDeadLetter.accept(record, failure);
            deadLetters.accept(record, failure);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, transientBackOff(), pausing);
        handler.setClassifications(Map.of(), true);
        handler.setBackOffFunction((ConsumerRecord<?, ?> record, Exception failure) -> backOffFor(failure));
        handler.setRetryListeners(tracker);
        handler.setLogLevel(KafkaException.Level.WARN);
        // keep the rest of the polled batch rather than seek and fetch it again after every failed record: with the
        // seek, each dead-lettered record cost its partition a new fetch (up to fetch.max.wait.ms, ~0.4 s here), so a
        // burst of bad records (issue 18's fuzz) crawled; a transient failure still pauses the partition for its backoff
        handler.setSeekAfterError(false);
        return handler;
    }

    /**
     * The dead-letter publisher: {@code <topic>.DLT}, partitioned by the original key; an unreadable record keeps its
     * bytes, a readable one is written in the contract's framing ({@link DeadLetterValueSerializer}).
     */
    public static DeadLetterPublishingRecoverer deadLetters(ProducerFactory<Object, Object> producers) {
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(producers,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class));
        return new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    }

}
