package io.holdfast.localstack.merchant;

import io.holdfast.localstack.Endpoints;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.event.PaymentEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A merchant's view of {@code payments.events}: a plain {@link KafkaConsumer} configured by
 * {@link MerchantKafka#consumer} (own consumer group, from the beginning) polling on a background thread, keeping
 * every event by paymentRequestId and telling listeners as events arrive. Like a merchant, it deduplicates on
 * {@code eventId} (delivery is at least once).
 */
public final class EventTap implements AutoCloseable {

    /** Called on the tap's thread for each event, in topic order per payment. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(PaymentEvent event, long receivedNanos);
    }

    /** A {@link Listener} that also gets the record's Kafka timestamp (the producer's CreateTime, epoch millis). */
    @FunctionalInterface
    public interface RecordListener {
        void onEvent(PaymentEvent event, long receivedNanos, long recordTimestampMillis);
    }

    private final KafkaConsumer<String, PaymentEvent> consumer;
    private final Map<String, List<PaymentEvent>> byPayment = new ConcurrentHashMap<>();
    private final Set<String> seenEventIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final List<RecordListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private final Object arrivals = new Object();

    public EventTap(Endpoints endpoints, String groupId) {
        this.consumer = new KafkaConsumer<>(MerchantKafka.consumer(endpoints, groupId));
        consumer.subscribe(List.of(Topics.PAYMENTS_EVENTS));
        this.thread = new Thread(this::poll, "event-tap-" + groupId);
        thread.setDaemon(true);
        thread.start();
    }

    public void addListener(Listener listener) {
        listeners.add((event, receivedNanos, timestamp) -> listener.onEvent(event, receivedNanos));
    }

    public void addRecordListener(RecordListener listener) {
        listeners.add(listener);
    }

    /** Redelivered events (same eventId) that were dropped. */
    public long duplicates() {
        return duplicates.get();
    }

    /** The events of one payment so far, in arrival order, each eventId once. */
    public List<PaymentEvent> events(String paymentRequestId) {
        failIfBroken();
        List<PaymentEvent> events = byPayment.get(paymentRequestId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The simple names of one payment's event payloads so far, e.g. [PaymentAuthorized, CaptureSucceeded]. */
    public List<String> eventTypes(String paymentRequestId) {
        List<String> types = new ArrayList<>();
        events(paymentRequestId).forEach(event -> types.add(event.getPayload().getClass().getSimpleName()));
        return types;
    }

    /**
     * Waits until the payment has an event whose payload is a {@code type}, and returns the first such event.
     *
     * @throws IllegalStateException on timeout, naming the events seen so far
     */
    public <T> PaymentEvent await(String paymentRequestId, Class<T> type, Duration timeout) throws InterruptedException {
        return awaitNth(paymentRequestId, type, 1, timeout);
    }

    /**
     * Waits until the payment has {@code n} events whose payload is a {@code type}, and returns the n-th.
     *
     * @throws IllegalStateException on timeout, naming the events seen so far
     */
    public <T> PaymentEvent awaitNth(String paymentRequestId, Class<T> type, int n, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (true) {
                int seen = 0;
                for (PaymentEvent event : events(paymentRequestId)) {
                    if (type.isInstance(event.getPayload()) && ++seen == n) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no " + type.getSimpleName() + " for " + paymentRequestId + " within "
                            + timeout.toSeconds() + " s; events so far: " + eventTypes(paymentRequestId));
                }
                arrivals.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, PaymentEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    PaymentEvent event = record.value();
                    if (event == null) {
                        continue;
                    }
                    if (!seenEventIds.add(event.getEventId())) {
                        // delivery is at least once: a merchant deduplicates on eventId
                        duplicates.incrementAndGet();
                        continue;
                    }
                    List<PaymentEvent> events = byPayment.computeIfAbsent(event.getPaymentRequestId(),
                            id -> new ArrayList<>());
                    synchronized (events) {
                        events.add(event);
                    }
                    listeners.forEach(listener -> listener.onEvent(event, now, record.timestamp()));
                    synchronized (arrivals) {
                        arrivals.notifyAll();
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void failIfBroken() {
        if (failure != null) {
            throw new IllegalStateException("the payments.events consumer stopped", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
