package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.CaptureNotification;
import io.holdfast.capture.domain.CaptureOutcomes;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Use case: a verified notifyCapture confirms (or refuses) a capture. A notification for a payment not (yet) in
 * the schedule is parked in the same transaction as its inbox record: it is an AUTOMATIC capture whose
 * PaymentAuthorized has not arrived yet, and {@link PaymentEventHandler#authorized} applies it when the row opens.
 * Parked notifications whose payment never became known are purged after a retention.
 */
public final class CaptureNotificationHandler {

    static final String SOURCE = "alipay.notifications";
    private static final Logger log = LoggerFactory.getLogger(CaptureNotificationHandler.class);

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore store;
    private final Transitions transitions;
    private final CaptureOutcomes outcomes;
    private final EarlyNotifications early;
    private final Clock clock;

    public CaptureNotificationHandler(Transactions tx, Inbox inbox, ScheduleStore store, Transitions transitions,
            CaptureOutcomes outcomes, EarlyNotifications early, Clock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.transitions = transitions;
        this.outcomes = outcomes;
        this.early = early;
        this.clock = clock;
    }

    /** Applies the notification once (by notificationId). */
    public Mono<Void> captureResult(CaptureNotification n) {
        Instant now = clock.instant();
        return tx.inTransaction(inbox.firstTime(SOURCE, n.notificationId(), now)
                .filter(Boolean::booleanValue)
                .flatMap(first -> early.lockPayment(n.paymentId()).then(store.findByPaymentId(n.paymentId())
                        .map(Optional::of).defaultIfEmpty(Optional.empty())))
                .flatMap(row -> row.isPresent() ? apply(row.get(), n, now) : park(n, now))).then();
    }

    /** Deletes parked notifications older than {@code retention} (on the injected clock); how many. */
    public Mono<Long> purgeParked(Duration retention) {
        return tx.inTransaction(early.purgeReceivedBefore(clock.instant().minus(retention)))
                .doOnNext(purged -> {
                    if (purged > 0) {
                        log.warn("purged {} notifyCapture(s) parked longer than {} (payment never authorized here)",
                                purged, retention);
                    }
                });
    }

    private Mono<Void> apply(Authorization row, CaptureNotification n, Instant now) {
        Optional<Transition> t = outcomes.onNotification(row, n, now);
        if (t.isEmpty()) {
            // stale (a duplicate, a result for a row already settled otherwise, another captureRequestId): kept in
            // the inbox and logged, never dropped silently
            log.warn("stale notifyCapture {} (paymentId {}, captureRequestId {}, {}) for {} in {} with "
                    + "captureRequestId {}: changes nothing", n.notificationId(), n.paymentId(), n.captureRequestId(),
                    n.succeeded() ? "S" : "F " + n.resultCode(), row.paymentRequestId(), row.status(),
                    row.captureRequestId());
            return Mono.empty();
        }
        if (row.status() == CaptureStatus.CAPTURE_FAILED) {
            log.warn("notifyCapture {} reports capture {} of {} succeeded after it was recorded as failed: "
                    + "CAPTURED, CaptureSucceeded corrects the CaptureFailed", n.notificationId(),
                    n.captureRequestId(), row.paymentRequestId());
        }
        return transitions.applyOrFail(t.get(), n.notificationId()).then();
    }

    private Mono<Void> park(CaptureNotification n, Instant now) {
        log.info("notifyCapture {} for unknown paymentId {}: parked until its PaymentAuthorized", n.notificationId(),
                n.paymentId());
        return early.park(n, now);
    }
}
