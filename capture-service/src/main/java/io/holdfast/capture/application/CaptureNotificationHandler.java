package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureNotification;
import io.holdfast.capture.domain.CaptureOutcomes;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Use case: a verified notifyCapture confirms (or refuses) a capture. A notification for a payment not (yet) in
 * the schedule is recorded and dropped on purpose: it can only be an AUTOMATIC capture whose PaymentAuthorized has
 * not arrived, and that row inquires Antom after its grace period, so the capture is still confirmed.
 */
public final class CaptureNotificationHandler {

    static final String SOURCE = "alipay.notifications";
    private static final Logger log = LoggerFactory.getLogger(CaptureNotificationHandler.class);

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore store;
    private final Transitions transitions;
    private final CaptureOutcomes outcomes;
    private final Clock clock;

    public CaptureNotificationHandler(Transactions tx, Inbox inbox, ScheduleStore store, Transitions transitions,
            CaptureOutcomes outcomes, Clock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.transitions = transitions;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Applies the notification once (by notificationId). */
    public Mono<Void> captureResult(CaptureNotification n) {
        return tx.inTransaction(inbox.firstTime(SOURCE, n.notificationId(), clock.instant())
                .filter(Boolean::booleanValue)
                .flatMap(first -> store.findByPaymentId(n.paymentId())
                        .switchIfEmpty(Mono.fromRunnable(() -> log.info(
                                "notifyCapture for unknown paymentId {}: the row's inquiry will confirm it",
                                n.paymentId()))))
                .flatMap(row -> Mono.justOrEmpty(outcomes.onNotification(row, n, clock.instant())))
                .flatMap(t -> transitions.applyOrFail(t, n.notificationId()))).then();
    }
}
