package io.holdfast.ingest.adapter.metrics;

import io.holdfast.ingest.application.IngestMetrics;
import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

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

    public MicrometerIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notificationRejected(NotificationKind kind, RejectionReason reason) {
        Counter.builder(REJECTED).description("Antom notifications answered with a 4xx")
                .tag("kind", kind.segment()).tag("reason", reason.tag()).register(registry).increment();
    }

    @Override
    public void notificationAcknowledged(NotificationKind kind, boolean duplicate) {
        Counter.builder(ACKNOWLEDGED).description("Antom notifications stored on Kafka and acknowledged")
                .tag("kind", kind.segment()).tag("duplicate", Boolean.toString(duplicate)).register(registry)
                .increment();
    }

    @Override
    public void notificationNotStored(NotificationKind kind) {
        Counter.builder(NOT_STORED).description("authentic Antom notifications Kafka did not confirm (answered 503)")
                .tag("kind", kind.segment()).register(registry).increment();
    }

    @Override
    public void merchantRequestRefused(String errorCode) {
        Counter.builder(MERCHANT_REFUSED).description("merchant API requests answered with an error")
                .tag("error", errorCode).register(registry).increment();
    }
}
