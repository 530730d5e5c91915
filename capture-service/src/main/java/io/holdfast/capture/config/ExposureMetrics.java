package io.holdfast.capture.config;

import io.holdfast.capture.adapter.db.ExposureQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Money at risk, as Micrometer gauges (prefix {@code holdfast.capture.}, Prometheus {@code holdfast_capture_*}):
 * {@code holdfast.capture.exposure.authorizations} and {@code holdfast.capture.exposure.amount} (open MANUAL
 * authorizations whose deadline is within 6h, 24h, 48h, 7d; tags bucket, currency, policy; cumulative),
 * {@code holdfast.capture.overdue.authorizations} (tag policy: open MANUAL authorizations more than an hour past
 * deadline − safety margin, where their policy should already have acted), {@code holdfast.capture.unconfirmed.oldest.seconds} (the
 * oldest capture not yet confirmed) and {@code holdfast.capture.deadline.misses} (authorizations that lapsed although
 * the policy was to capture or void; must be 0), {@code holdfast.capture.failed.authorizations} (MANUAL captures
 * recorded as failed while the deadline is ahead; they also count in the exposure buckets), the outbox backlog
 * ({@code holdfast.capture.outbox.unpublished}, {@code holdfast.capture.outbox.oldest.seconds}), and
 * {@code holdfast.capture.refunds.unfinished} (tag status: refunds still REQUESTED, PENDING or UNKNOWN longer than
 * {@code holdfast.capture.refunds.unfinished-after} after they were requested).
 */
@Component
public class ExposureMetrics {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * How long past its policy point (deadline − safety margin) a row may stay open before it counts as overdue: the
     * capture or void sent there and its confirmation (inquiries included) normally take minutes, and with steady
     * traffic some row is always just past its point.
     */
    static final Duration OVERDUE_GRACE = Duration.ofHours(1);

    private final ExposureQueries queries;
    private final MultiGauge count;
    private final MultiGauge amount;
    private final MultiGauge overdue;
    private final MultiGauge unfinishedRefunds;
    private final Duration policyActsBefore;
    private final Duration refundsUnfinishedAfter;
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong oldestUnpublishedSeconds = new AtomicLong();

    public ExposureMetrics(ExposureQueries queries, MeterRegistry registry, CapturePolicyProperties policy,
            RefundProperties refunds) {
        this.queries = queries;
        this.refundsUnfinishedAfter = refunds.unfinishedAfter();
        Duration overdueBefore = policy.safetyMargin().minus(OVERDUE_GRACE);
        this.policyActsBefore = overdueBefore.isNegative() ? Duration.ZERO : overdueBefore;
        this.count = MultiGauge.builder("holdfast.capture.exposure.authorizations")
                .description("open MANUAL authorizations by time to deadline and policy").register(registry);
        this.amount = MultiGauge.builder("holdfast.capture.exposure.amount").baseUnit("minor-units")
                .description("authorized amount at risk by time to deadline and policy").register(registry);
        this.overdue = MultiGauge.builder("holdfast.capture.overdue.authorizations")
                .description("open MANUAL authorizations over an hour past deadline minus safety margin, by policy")
                .register(registry);
        this.unfinishedRefunds = MultiGauge.builder("holdfast.capture.refunds.unfinished")
                .description("refunds not final (REQUESTED, PENDING, UNKNOWN) longer than the threshold, by status")
                .register(registry);
        Gauge.builder("holdfast.capture.unconfirmed.oldest.seconds", oldestSeconds, AtomicLong::get)
                .description("age of the oldest capture not confirmed by Antom").register(registry);
        Gauge.builder("holdfast.capture.deadline.misses", misses, AtomicLong::get)
                .description("authorizations that lapsed against their policy (must stay 0)").register(registry);
        Gauge.builder("holdfast.capture.failed.authorizations", failed, AtomicLong::get)
                .description("MANUAL captures recorded as failed while the authorization is still alive")
                .register(registry);
        Gauge.builder("holdfast.capture.outbox.unpublished", unpublished, AtomicLong::get)
                .description("outbox rows not yet published").register(registry);
        Gauge.builder("holdfast.capture.outbox.oldest.seconds", oldestUnpublishedSeconds, AtomicLong::get)
                .description("age of the oldest unpublished outbox row (a stuck relay)").register(registry);
    }

    /** Recomputes every gauge from the database. */
    public void refresh() {
        ExposureQueries.Exposure e = queries.snapshot(policyActsBefore, refundsUnfinishedAfter).block(TIMEOUT);
        if (e == null) {
            return;
        }
        count.register(e.buckets().stream().map(b -> MultiGauge.Row.of(tags(b), b.count())).toList(), true);
        amount.register(e.buckets().stream().map(b -> MultiGauge.Row.of(tags(b), b.amountMinor())).toList(), true);
        overdue.register(e.overdue().stream().map(o -> MultiGauge.Row.of(Tags.of("policy", o.policy()), o.count()))
                .toList(), true);
        unfinishedRefunds.register(e.unfinishedRefunds().stream()
                .map(u -> MultiGauge.Row.of(Tags.of("status", u.status()), u.count())).toList(), true);
        oldestSeconds.set(e.oldestUnconfirmedCapture().toSeconds());
        misses.set(e.deadlineMisses());
        failed.set(e.failedBeforeDeadline());
        unpublished.set(e.unpublished());
        oldestUnpublishedSeconds.set(e.oldestUnpublished().toSeconds());
    }

    private static Tags tags(ExposureQueries.Bucket b) {
        return Tags.of("bucket", b.bucket(), "currency", b.currency(), "policy", b.policy());
    }
}
