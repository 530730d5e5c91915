package io.holdfast.authorization.config;

import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.application.PaymentStatistics;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.messaging.outbox.R2dbcOutboxStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Gauges from the database, refreshed periodically: {@code holdfast.payments{status}},
 * {@code holdfast.payments.unknown} (payments owed an answer by Antom),
 * {@code holdfast.payments.unknown.oldest.age.seconds} and {@code holdfast.outbox.stale}. Antom call latency and
 * outcomes are timed by the gateway ({@code holdfast.alipay.calls}).
 */
public final class PaymentMetrics {

    private final PaymentQueries queries;
    private final R2dbcOutboxStore outbox;
    private final AuthorizationProperties.Outbox outboxSettings;
    private final Clock clock;
    private final AtomicLong staleOutbox = new AtomicLong();
    private final Map<PaymentStatus, AtomicLong> byStatus = new EnumMap<>(PaymentStatus.class);
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicReference<PaymentStatistics> last = new AtomicReference<>();

    public PaymentMetrics(PaymentQueries queries, R2dbcOutboxStore outbox,
            AuthorizationProperties.Outbox outboxSettings, Clock clock, MeterRegistry meters) {
        this.queries = queries;
        this.outbox = outbox;
        this.outboxSettings = outboxSettings;
        this.clock = clock;
        for (PaymentStatus status : PaymentStatus.values()) {
            AtomicLong value = new AtomicLong();
            byStatus.put(status, value);
            Gauge.builder("holdfast.payments", value, AtomicLong::get).description("payments by state")
                    .tag("status", status.name()).register(meters);
        }
        Gauge.builder("holdfast.payments.unknown", unknown, AtomicLong::get)
                .description("payments whose outcome Antom still owes us").register(meters);
        Gauge.builder("holdfast.payments.unknown.oldest.age.seconds", this, PaymentMetrics::oldestAgeSeconds)
                .description("age of the oldest unresolved payment").register(meters);
        Gauge.builder("holdfast.outbox.stale", staleOutbox, AtomicLong::get)
                .description("outbox rows pending longer than holdfast.authorization.outbox.stale-after")
                .register(meters);
    }

    /** Reloads the numbers, and purges completed outbox rows past their retention. */
    public Mono<Void> refresh() {
        return Mono.defer(() -> queries.statistics().doOnNext(stats -> {
                    stats.countByStatus().forEach((status, count) -> byStatus.get(status).set(count));
                    unknown.set(stats.unknownCount());
                    last.set(stats);
                })
                .then(outbox.backlog(clock.instant(), outboxSettings.staleAfter())
                        .doOnNext(backlog -> staleOutbox.set(backlog.stale())))
                .then(outbox.purgeCompleted(clock.instant(), outboxSettings.retention())))
                .then();
    }

    private double oldestAgeSeconds() {
        PaymentStatistics stats = last.get();
        if (stats == null || stats.oldestUnknownSince() == null) {
            return 0;
        }
        return Duration.between(stats.oldestUnknownSince(), clock.instant()).toMillis() / 1000.0;
    }
}
