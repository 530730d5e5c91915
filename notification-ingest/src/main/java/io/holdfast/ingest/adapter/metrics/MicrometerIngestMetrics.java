package io.holdfast.ingest.adapter.metrics;

import io.holdfast.ingest.application.IngestMetrics;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edge's counters in Micrometer. Tags carry only our own vocabulary (kind, reason, error code), never request
 * content, so no card data can reach a metric.
 */
public final class MicrometerIngestMetrics implements IngestMetrics {

    public static final String REJECTED = "holdfast.ingest.notifications.rejected";
    public static final String ACKNOWLEDGED = "holdfast.ingest.notifications.acknowledged";
    public static final String NOT_STORED = "holdfast.ingest.notifications.not.stored";
    public static final String MERCHANT_REFUSED = "holdfast.ingest.merchant.requests.refused";

    private final MeterRegistry registry;
    /** Counters by name and tags, so the hot path does not rebuild meter ids. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public MicrometerIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notificationRejected(NotificationKind kind, RejectionReason reason) {
        counter(REJECTED, "Antom notifications answered with a 4xx", "kind", kind.segment(), "reason", reason.tag())
                .increment();
    }

    @Override
    public void notificationAcknowledged(NotificationKind kind, boolean duplicate) {
        counter(ACKNOWLEDGED, "Antom notifications stored on Kafka and acknowledged", "kind", kind.segment(),
                "duplicate", Boolean.toString(duplicate)).increment();
    }

    @Override
    public void notificationNotStored(NotificationKind kind) {
        counter(NOT_STORED, "authentic Antom notifications Kafka did not confirm (answered 503)", "kind",
                kind.segment()).increment();
    }

    @Override
    public void merchantRequestRefused(String errorCode) {
        counter(MERCHANT_REFUSED, "merchant API requests answered with an error", "error", errorCode).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        return counters.computeIfAbsent(key,
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
