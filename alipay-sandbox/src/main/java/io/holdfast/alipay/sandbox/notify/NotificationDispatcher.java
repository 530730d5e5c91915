package io.holdfast.alipay.sandbox.notify;

import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.core.Json;
import io.holdfast.alipay.sandbox.core.NotificationSink;
import io.holdfast.alipay.sandbox.core.OutboundNotification;
import io.holdfast.alipay.sandbox.core.Times;
import io.holdfast.alipay.sandbox.timing.ServingTimes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications the way Antom does: POSTs signed with the sandbox key over
 * {@code POST <notify path>\n<client-id>.<request-time>.<body>}, retried on Antom's schedule (measured on the
 * sandbox clock) until the merchant answers HTTP 200 with the exact success acknowledgement. Every attempt is
 * re-signed with a fresh {@code request-time} (ISO 8601, second precision, with offset).
 *
 * <p>Notifications of one payment are first delivered in the order they were raised (notifyPayment before
 * notifyCapture); retries do not hold later notifications back.
 */
public final class NotificationDispatcher implements NotificationSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BODY_SNIPPET = 512;

    private final Clock clock;
    private final Signer signer;
    private final ZoneOffset offset;
    private final Duration attemptTimeout;
    private final ExecutorService executor;
    private final HttpClient http;
    private final ServingTimes times;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final NotificationFaults faults = new NotificationFaults();
    private boolean closed;

    public NotificationDispatcher(Clock clock, Signer signer, ZoneOffset offset, Duration attemptTimeout,
            ExecutorService executor, ServingTimes times) {
        this.clock = clock;
        this.times = times;
        this.signer = signer;
        this.offset = offset;
        this.attemptTimeout = attemptTimeout;
        this.executor = executor;
        this.http = HttpClient.newBuilder().connectTimeout(attemptTimeout).executor(executor)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public void enqueue(OutboundNotification notification) {
        synchronized (this) {
            if (closed) {
                return;
            }
            byte[] body = Json.bytes(notification.body());
            Instant due = clock.instant().plus(faults.takeDelay());
            boolean held = faults.takeReorder();
            Delivery delivery = new Delivery(deliveries.size() + 1L, notification, body, null, due, held);
            deliveries.add(delivery);
            if (faults.takeDrop()) {
                delivery.status = DeliveryStatus.DROPPED;
                return;
            }
            if (faults.takeDuplicate()) {
                deliveries.add(new Delivery(deliveries.size() + 1L, notification, body, delivery.id, due, false));
            }
        }
        executor.execute(this::pump);
    }

    /** Sends every attempt that is due on the sandbox clock. Called on enqueue, on clock moves and by a ticker. */
    public void pump() {
        List<Delivery> due = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            for (Delivery delivery : deliveries) {
                if (delivery.status == DeliveryStatus.PENDING && !delivery.nextDueAt().isAfter(now)
                        && !blockedByEarlier(delivery)) {
                    delivery.status = DeliveryStatus.IN_FLIGHT;
                    due.add(delivery);
                }
            }
        }
        due.forEach(this::send);
    }

    public synchronized List<DeliveryView> deliveries() {
        return deliveries.stream().map(Delivery::view).toList();
    }

    public synchronized void duplicateNext(int count) {
        faults.duplicateNext(count);
    }

    public synchronized void dropNext(int count) {
        faults.dropNext(count);
    }

    public synchronized void reorderNext(int count) {
        faults.reorderNext(count);
    }

    public synchronized void delayNext(int count, Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative");
        }
        faults.delayNext(count, by);
    }

    public synchronized void clearFaults() {
        faults.clear();
    }

    /** Releases notifications held back by a reorder fault. */
    public void releaseHeld() {
        synchronized (this) {
            Instant now = clock.instant();
            deliveries.stream().filter(d -> d.status == DeliveryStatus.HELD).forEach(d -> release(d, now));
        }
        executor.execute(this::pump);
    }

    private boolean blockedByEarlier(Delivery delivery) {
        for (Delivery earlier : deliveries) {
            if (earlier.id >= delivery.id) {
                return false;
            }
            if (earlier.notification.orderingKey().equals(delivery.notification.orderingKey())
                    && earlier.blocksLaterOnes()) {
                return true;
            }
        }
        return false;
    }

    private void send(Delivery delivery) {
        long start = System.nanoTime();
        boolean first = delivery.attempts.isEmpty(); // IN_FLIGHT: no attempt is recorded meanwhile
        Instant dueAt = delivery.nextDueAt();
        Instant sentAt = clock.instant();
        String requestTime = Times.format(sentAt, offset);
        URI uri = URI.create(delivery.notification.url());
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String signature = signer.sign(SignedContent.ofPost(path, delivery.notification.clientId(), requestTime,
                delivery.body)).format();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(attemptTimeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("client-id", delivery.notification.clientId())
                .header("request-time", requestTime)
                .header("signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
                .build();
        if (first) {
            times.record(ServingTimes.NOTIFY, System.nanoTime() - start);
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> {
                    DeliveryAttempt attempt = error != null
                            ? new DeliveryAttempt(delivery.attempts.size() + 1, dueAt, sentAt, requestTime, null,
                                    String.valueOf(error), AttemptOutcome.NO_ANSWER)
                            : new DeliveryAttempt(delivery.attempts.size() + 1, dueAt, sentAt, requestTime,
                                    response.statusCode(), snippet(response.body()), Acknowledgement.judge(response));
                    record(delivery, attempt);
                    pump();
                });
    }

    private void record(Delivery delivery, DeliveryAttempt attempt) {
        synchronized (this) {
            boolean first = delivery.attempts.isEmpty();
            delivery.attempts.add(attempt);
            if (attempt.outcome() == AttemptOutcome.ACKNOWLEDGED) {
                delivery.status = DeliveryStatus.DELIVERED;
            } else if (delivery.attempts.size() >= RetrySchedule.MAX_ATTEMPTS) {
                delivery.status = DeliveryStatus.EXHAUSTED;
            } else {
                delivery.status = DeliveryStatus.PENDING;
            }
            if (first) {
                Instant now = clock.instant();
                deliveries.stream().filter(d -> d.status == DeliveryStatus.HELD && d.id < delivery.id)
                        .forEach(d -> release(d, now));
            }
        }
        log.info("notification {} {} to {} attempt {}: {}", delivery.id, delivery.notification.type(),
                delivery.notification.url(), attempt.number(), attempt.outcome());
    }

    private static void release(Delivery delivery, Instant now) {
        delivery.status = DeliveryStatus.PENDING;
        if (delivery.firstDueAt.isBefore(now)) {
            delivery.firstDueAt = now;
        }
    }

    private static String snippet(String body) {
        return body == null ? "" : body.length() <= BODY_SNIPPET ? body : body.substring(0, BODY_SNIPPET);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
