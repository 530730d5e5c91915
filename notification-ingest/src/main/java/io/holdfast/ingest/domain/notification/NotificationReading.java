package io.holdfast.ingest.domain.notification;

/** The result of verifying and parsing an inbound notification: trusted content or a reason to refuse it. */
public sealed interface NotificationReading {

    /** Signature, client id and body are all good. */
    record Accepted(VerifiedNotification notification) implements NotificationReading {
    }

    /**
     * Refused; never published, never acknowledged.
     *
     * @param detail for logs and the answer: which header or field; never body content
     */
    record Refused(RejectionReason reason, String detail) implements NotificationReading {
    }
}
