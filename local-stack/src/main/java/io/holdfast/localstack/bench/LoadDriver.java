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

    private final PaymentCommands commands;
    private final String card;
    private final Consumer<PaymentCommand> send;
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private volatile Semaphore slots;
    private volatile CountDownLatch done;

    LoadDriver(PaymentCommands commands, String card, Consumer<PaymentCommand> send) {
        this.commands = commands;
        this.card = card;
        this.send = send;
    }

    private static final class Payment {
        final Flow flow;
        final long sentNanos;
        volatile long finalNanos;
        volatile String outcome;

        Payment(Flow flow, long sentNanos) {
            this.flow = flow;
            this.sentNanos = sentNanos;
        }
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
            Flow flow = flowOf(i);
            String id = "bench-" + run + "-" + i;
            ids.add(id);
            payments.put(id, new Payment(flow, System.nanoTime()));
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
        Payment payment = payments.get(event.getPaymentRequestId());
        if (payment == null || payment.outcome != null) {
            return;
        }
        Object payload = event.getPayload();
        if (payload instanceof PaymentAuthorized) {
            switch (payment.flow) {
                case MANUAL -> send.accept(commands.capture(event.getPaymentRequestId(), AMOUNT));
                case CANCEL -> send.accept(commands.cancel(event.getPaymentRequestId(), "benchmark"));
                case AUTOMATIC, DECLINE -> {
                }
            }
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
            payment.outcome = payload.getClass().getSimpleName();
            slots.release();
            done.countDown();
        }
    }

    private Result result(List<String> ids, long begin) {
        List<Long> latencies = new ArrayList<>();
        Map<Flow, List<Long>> byFlow = new TreeMap<>();
        Map<String, Integer> incomplete = new TreeMap<>();
        Map<Flow, Integer> mix = new TreeMap<>();
        long last = begin;
        for (String id : ids) {
            Payment p = payments.get(id);
            mix.merge(p.flow, 1, Integer::sum);
            if (p.outcome == null) {
                incomplete.merge(p.flow.name(), 1, Integer::sum);
                continue;
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
        return new Result(latencies.size(), Duration.ofNanos(last - begin), latencies, perFlow, incomplete, mix.toString());
    }

    private static long at(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The measured run: payments that reached their final event, over what time, with which latencies. */
    record Result(int completed, Duration elapsed, List<Long> sortedLatencies, Map<String, String> perFlow,
                  Map<String, Integer> incomplete, String mix) {

        long percentile(int p) {
            return at(sortedLatencies, p);
        }
    }
}
