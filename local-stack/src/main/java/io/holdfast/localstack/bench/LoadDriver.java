package io.holdfast.localstack.bench;

import io.holdfast.localstack.merchant.PaymentCommands;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CancelFailed;
import io.holdfast.schemas.event.CaptureFailed;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentDeclined;
import io.holdfast.schemas.event.PaymentEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drives payments of a fixed flow mix (4 automatic, 3 manual + capture, 1 cancel, 2 decline in every 10) with a
 * bound on payments in flight, reacting to events as a merchant would (capture or cancel once authorized), and
 * times each from its first command to its final event.
 */
final class LoadDriver {

    enum Flow { AUTOMATIC, MANUAL, CANCEL, DECLINE }

    private static final Money AMOUNT = new Money(42_00L, "USD");

    private final Clock clock;
    private final PaymentCommands commands;
    private final String card;
    private final Consumer<PaymentCommand> send;
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private volatile Semaphore slots;
    private volatile CountDownLatch done;

    /**
     * A driver.
     *
     * @param clock the wall clock that Kafka's record timestamps and the events' occurredAt are compared with
     */
    LoadDriver(Clock clock, PaymentCommands commands, String card, Consumer<PaymentCommand> send) {
        this.clock = clock;
        this.commands = commands;
        this.card = card;
        this.send = send;
    }

    private static final class Payment {
        final Flow flow;
        final long sentNanos;
        volatile long finalNanos;
        volatile String outcome;
        volatile boolean expected;
        /** Wall-clock millis of the latest stimulus: the last command sent or the previous event's occurredAt. */
        volatile long lastStimulusMillis;
        final List<Hop> hops = new ArrayList<>();

        Payment(Flow flow, long sentNanos, long sentMillis) {
            this.flow = flow;
            this.sentNanos = sentNanos;
            this.lastStimulusMillis = sentMillis;
        }
    }

    /**
     * Where the time of one event went, from wall-clock timestamps the system already has (the benchmark, Kafka and the
     * services share this machine's clock): {@code work} from the stimulus (the merchant's command, or the previous
     * event) to the event's {@code occurredAt} (consumed, Antom called, decided); {@code publish} from {@code
     * occurredAt} to the record's Kafka timestamp (the producer's CreateTime: commit, then the outbox relay's pickup);
     * {@code deliver} from that timestamp to the merchant's consumer having it.
     */
    record Hop(Flow flow, String event, long work, long publish, long deliver) {
    }

    static Flow flowOf(int i) {
        int slot = i % 10;
        if (slot < 4) {
            return Flow.AUTOMATIC;
        }
        if (slot < 7) {
            return Flow.MANUAL;
        }
        return slot == 7 ? Flow.CANCEL : Flow.DECLINE;
    }

    Result run(String label, int count, int inFlight, Duration timeout) throws InterruptedException {
        return run(label, count, inFlight, timeout, null);
    }

    /** Like {@link #run(String, int, int, Duration)}; {@code only} (when not null) replaces the mix with one flow. */
    Result run(String label, int count, int inFlight, Duration timeout, Flow only) throws InterruptedException {
        String run = label + "-" + Long.toHexString(System.nanoTime());
        slots = new Semaphore(inFlight);
        done = new CountDownLatch(count);
        List<String> ids = new ArrayList<>();
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        for (int i = 0; i < count; i++) {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            Flow flow = only == null ? flowOf(i) : only;
            String id = "bench-" + run + "-" + i;
            ids.add(id);
            payments.put(id, new Payment(flow, System.nanoTime(), clock.millis()));
            send.accept(switch (flow) {
                case AUTOMATIC -> commands.authorize(id, AMOUNT, CaptureMode.AUTOMATIC, card, "ORD-" + id, null);
                case MANUAL, CANCEL -> commands.authorize(id, AMOUNT, CaptureMode.MANUAL, card, "ORD-" + id, DeadlinePolicy.VOID);
                case DECLINE -> commands.authorize(id, AMOUNT, CaptureMode.AUTOMATIC, card,
                        "ORD-SANDBOX_DECLINE_DO_NOT_HONOR-" + id, null);
            });
        }
        done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return result(ids, begin);
    }

    void onEvent(PaymentEvent event, long receivedNanos) {
        onEvent(event, receivedNanos, 0);
    }

    void onEvent(PaymentEvent event, long receivedNanos, long recordTimestampMillis) {
        Payment payment = payments.get(event.getPaymentRequestId());
        if (payment == null || payment.outcome != null) {
            return;
        }
        Object payload = event.getPayload();
        if (recordTimestampMillis > 0) {
            recordHop(payment, event, receivedNanos, recordTimestampMillis);
        }
        if (payload instanceof PaymentAuthorized) {
            actOnAuthorized(payment, event.getPaymentRequestId());
            return;
        }
        boolean expected = switch (payment.flow) {
            case AUTOMATIC, MANUAL -> payload instanceof CaptureSucceeded;
            case CANCEL -> payload instanceof AuthorizationCancelled;
            case DECLINE -> payload instanceof PaymentDeclined;
        };
        boolean failed = payload instanceof CaptureFailed || payload instanceof CancelFailed
                || payload instanceof CommandRejected || payload instanceof AuthorizationExpired
                || (payload instanceof PaymentDeclined && payment.flow != Flow.DECLINE);
        if (expected || failed) {
            payment.finalNanos = receivedNanos;
            payment.expected = expected && !failed;
            payment.outcome = payload.getClass().getSimpleName();
            slots.release();
            done.countDown();
        }
    }

    private void actOnAuthorized(Payment payment, String paymentRequestId) {
        switch (payment.flow) {
            case MANUAL -> {
                payment.lastStimulusMillis = clock.millis();
                send.accept(commands.capture(paymentRequestId, AMOUNT));
            }
            case CANCEL -> {
                payment.lastStimulusMillis = clock.millis();
                send.accept(commands.cancel(paymentRequestId, "benchmark"));
            }
            case AUTOMATIC, DECLINE -> {
            }
        }
    }

    private void recordHop(Payment payment, PaymentEvent event, long receivedNanos, long recordTimestampMillis) {
        long receivedMillis = clock.millis() - (System.nanoTime() - receivedNanos) / 1_000_000;
        long occurred = event.getOccurredAt().toEpochMilli();
        synchronized (payment.hops) {
            payment.hops.add(new Hop(payment.flow, event.getPayload().getClass().getSimpleName(),
                    occurred - payment.lastStimulusMillis, recordTimestampMillis - occurred,
                    receivedMillis - recordTimestampMillis));
        }
        payment.lastStimulusMillis = occurred;
    }

    private Result result(List<String> ids, long begin) {
        List<Long> latencies = new ArrayList<>();
        Map<Flow, List<Long>> byFlow = new TreeMap<>();
        Map<String, Integer> incomplete = new TreeMap<>();
        Map<Flow, Integer> mix = new TreeMap<>();
        Map<String, Integer> unexpected = new TreeMap<>();
        long last = begin;
        List<Hop> hops = new ArrayList<>();
        for (String id : ids) {
            Payment p = payments.get(id);
            synchronized (p.hops) {
                hops.addAll(p.hops);
            }
            mix.merge(p.flow, 1, Integer::sum);
            if (p.outcome == null) {
                incomplete.merge(p.flow.name(), 1, Integer::sum);
                continue;
            }
            if (!p.expected) {
                unexpected.merge(p.flow + " → " + p.outcome, 1, Integer::sum);
            }
            long millis = (p.finalNanos - p.sentNanos) / 1_000_000;
            latencies.add(millis);
            byFlow.computeIfAbsent(p.flow, f -> new ArrayList<>()).add(millis);
            last = Math.max(last, p.finalNanos);
        }
        Collections.sort(latencies);
        Map<String, String> perFlow = new LinkedHashMap<>();
        byFlow.forEach((flow, values) -> {
            Collections.sort(values);
            perFlow.put(flow.name(), String.format("n=%d p50 %d ms p99 %d ms", values.size(), at(values, 50), at(values, 99)));
        });
        return new Result(latencies.size(), Duration.ofNanos(last - begin), latencies, perFlow, byFlow, incomplete,
                unexpected, mix.toString(), hops);
    }

    static long at(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The measured run: payments that reached their final event, over what time, with which latencies. */
    record Result(int completed, Duration elapsed, List<Long> sortedLatencies, Map<String, String> perFlow,
                  Map<Flow, List<Long>> sortedByFlow, Map<String, Integer> incomplete, Map<String, Integer> unexpected,
                  String mix, List<Hop> hops) {

        long percentile(int p) {
            return at(sortedLatencies, p);
        }

        long percentile(Flow flow, int p) {
            return at(sortedByFlow.getOrDefault(flow, List.of()), p);
        }

        /** Per flow and event type: p50/p99 of each hop (work, publish, deliver), one line each. */
        Map<String, String> hopLines() {
            Map<String, List<Hop>> grouped = new TreeMap<>();
            hops.forEach(h -> grouped.computeIfAbsent(h.flow() + " " + h.event(), k -> new ArrayList<>()).add(h));
            Map<String, String> lines = new LinkedHashMap<>();
            grouped.forEach((key, list) -> lines.put(key, String.format(
                    "n=%-4d work %s | commit+outbox→Kafka %s | Kafka→merchant %s", list.size(),
                    p5099(list.stream().map(Hop::work).toList()), p5099(list.stream().map(Hop::publish).toList()),
                    p5099(list.stream().map(Hop::deliver).toList()))));
            return lines;
        }

        private static String p5099(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return String.format("p50 %4d p99 %4d ms", at(sorted, 50), at(sorted, 99));
        }
    }
}
