package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureNotification;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Port: notifyCaptures parked because they arrived before their PaymentAuthorized (different topics, different
 * keys: Antom captures an AUTOMATIC payment right after authorizing it). Calls join the caller's transaction.
 */
public interface EarlyNotifications {

    /**
     * Serialises, until the caller's transaction ends, everyone who parks or opens a row for {@code paymentId}: a
     * notification is either parked before the row is opened (and then found by the opener) or finds the row.
     */
    Mono<Void> lockPayment(String paymentId);

    /** Parks a notification (a second park of the same notificationId changes nothing). */
    Mono<Void> park(CaptureNotification notification, Instant receivedAt);

    /** Removes and returns the notifications parked for {@code paymentId}, in arrival order. */
    Flux<CaptureNotification> takeAll(String paymentId);

    /** Deletes notifications parked before {@code cutoff} (their payment never became known); how many. */
    Mono<Long> purgeReceivedBefore(Instant cutoff);
}
