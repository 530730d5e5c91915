package io.holdfast.alipay.sandbox.notify;

import io.holdfast.alipay.sandbox.core.OutboundNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A notification being delivered. Mutable; guarded by the dispatcher's lock. */
final class Delivery {

    final long id;
    final OutboundNotification notification;
    final byte[] body;
    final Long duplicateOf;
    Instant firstDueAt;
    DeliveryStatus status;
    final List<DeliveryAttempt> attempts = new ArrayList<>();

    Delivery(long id, OutboundNotification notification, byte[] body, Long duplicateOf, Instant firstDueAt,
            boolean held) {
        this.id = id;
        this.notification = notification;
        this.body = body;
        this.duplicateOf = duplicateOf;
        this.firstDueAt = firstDueAt;
        this.status = held ? DeliveryStatus.HELD : DeliveryStatus.PENDING;
    }

    Instant nextDueAt() {
        return switch (status) {
            case PENDING, IN_FLIGHT, HELD -> firstDueAt.plus(RetrySchedule.offsetOf(attempts.size()));
            case DELIVERED, EXHAUSTED, DROPPED -> null;
        };
    }

    /** Still owes its first attempt (blocks later deliveries with the same ordering key). */
    boolean blocksLaterOnes() {
        return status == DeliveryStatus.IN_FLIGHT || (status == DeliveryStatus.PENDING && attempts.isEmpty());
    }

    DeliveryView view() {
        return new DeliveryView(id, notification.type(), notification.clientId(), notification.url(),
                notification.orderingKey(), duplicateOf, status, nextDueAt(), notification.body(),
                List.copyOf(attempts));
    }
}
