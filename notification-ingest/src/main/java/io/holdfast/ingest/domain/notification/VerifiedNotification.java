package io.holdfast.ingest.domain.notification;

import java.time.Instant;

/**
 * A notification whose signature verified and whose body parsed: the only kind that is ever published.
 *
 * @param id hex SHA-256 of the raw body
 * @param receivedAt when the edge received it
 * @param clientId the verified {@code client-id}
 * @param requestTime the {@code request-time} header verbatim
 */
public record VerifiedNotification(NotificationId id, NotificationKind kind, Instant receivedAt, String clientId,
        String requestTime, NotificationPayload payload) {
}
