package io.holdfast.chaos;

import io.holdfast.localstack.Endpoints;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code payments.events} as a careful merchant reads it: its own consumer group from the beginning, each
 * {@code eventId} once, and a record it cannot decode (a poison record some other producer wrote) counted and
 * skipped rather than stopping the consumer. Listeners hear each new event on the consumer's thread.
 */
final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<PaymentEvent> avro = new AvroDeserializer<>();
    private final Map<String, List<PaymentEvent>> byPayment = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final List<BiConsumer<PaymentEvent, Long>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    EventLog(Endpoints endpoints, String groupId) {
        Properties props = new Properties();
        props.put("bootstrap.servers", endpoints.bootstrapServers());
        props.put("group.id", groupId);
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "true");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        avro.configure(Map.of("schema.registry.url", endpoints.registryUrl()), false);
        consumer.subscribe(List.of(Topics.PAYMENTS_EVENTS));
        this.thread = new Thread(this::poll, "chaos-event-log");
        thread.setDaemon(true);
        thread.start();
    }

    void onEvent(BiConsumer<PaymentEvent, Long> listener) {
        listeners.add(listener);
    }

    List<PaymentEvent> events(String paymentRequestId) {
        if (failure != null) {
            throw new IllegalStateException("the payments.events reader stopped", failure);
        }
        List<PaymentEvent> events = byPayment.get(paymentRequestId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    long duplicates() {
        return duplicates.get();
    }

    long undecodable() {
        return undecodable.get();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    PaymentEvent event = decode(record);
                    if (event == null) {
                        continue;
                    }
                    if (!eventIds.add(event.getEventId())) {
                        duplicates.incrementAndGet();
                        continue;
                    }
                    List<PaymentEvent> events = byPayment.computeIfAbsent(event.getPaymentRequestId(), id -> new ArrayList<>());
                    synchronized (events) {
                        events.add(event);
                    }
                    listeners.forEach(listener -> listener.accept(event, now));
                }
            }
        } catch (WakeupException stopping) {
            // close()
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private PaymentEvent decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            undecodable.incrementAndGet();
            return null;
        }
        try {
            Object value = avro.deserialize(record.topic(), record.value());
            if (value instanceof PaymentEvent event) {
                return event;
            }
        } catch (RuntimeException poison) {
            // not Holdfast's: counted
        }
        undecodable.incrementAndGet();
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
