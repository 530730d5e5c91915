package io.holdfast.ingest.domain.notification;

/** What the edge answers Antom: only {@link Acknowledged} carries Antom's success body. */
public sealed interface IngestOutcome {

    /**
     * Durably stored on Kafka (now, or by an earlier delivery of the same body).
     *
     * @param duplicate true when an earlier delivery of the same body was already stored
     */
    record Acknowledged(NotificationId id, boolean duplicate) implements IngestOutcome {
    }

    /** Refused (forged, unsigned, malformed, too large): a 4xx with the reason. */
    record Rejected(RejectionReason reason, String detail) implements IngestOutcome {
    }

    /** Authentic but not stored (Kafka did not confirm in time): a 503, so Antom resends. */
    record NotStored(NotificationId id, String detail) implements IngestOutcome {
    }
}
