package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.notification.NotificationKind;
import io.holdfast.ingest.domain.notification.RejectionReason;

/** Port: the edge's counters (Micrometer in production). */
public interface IngestMetrics {

    /** A notification answered with a 4xx, tagged with its reason. */
    void notificationRejected(NotificationKind kind, RejectionReason reason);

    /** A notification stored and acknowledged; {@code duplicate} when an earlier delivery was already stored. */
    void notificationAcknowledged(NotificationKind kind, boolean duplicate);

    /** An authentic notification not stored (Kafka did not confirm): answered 503. */
    void notificationNotStored(NotificationKind kind);

    /** A merchant request refused, tagged with the error code (e.g. unauthenticated, rate_limited). */
    void merchantRequestRefused(String errorCode);
}
