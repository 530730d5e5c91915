package io.holdfast.capture.application;

import io.holdfast.capture.domain.AuthorizedPayment;
import io.holdfast.capture.domain.CaptureOutcomes;
import io.holdfast.capture.domain.Guardian;
import io.holdfast.capture.domain.Schedule;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** Use case: payments.events from authorization-service open and close schedule rows. */
public final class PaymentEventHandler {

    static final String SOURCE = "payments.events";

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore store;
    private final Transitions transitions;
    private final Guardian guardian;
    private final CaptureOutcomes outcomes;
    private final Schedule schedule;
    private final Clock clock;

    public PaymentEventHandler(Transactions tx, Inbox inbox, ScheduleStore store, Transitions transitions,
            Guardian guardian, CaptureOutcomes outcomes, Schedule schedule, Clock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.transitions = transitions;
        this.guardian = guardian;
        this.outcomes = outcomes;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** PaymentAuthorized: a new schedule row (a redelivery changes nothing). */
    public Mono<Void> authorized(String eventId, AuthorizedPayment payment) {
        return tx.inTransaction(inbox.firstTime(SOURCE, eventId, clock.instant()).flatMap(first -> {
            if (!first) {
                return Mono.empty();
            }
            var row = guardian.onAuthorized(payment);
            return store.insert(row, schedule.dueAt(row));
        })).then();
    }

    /** AuthorizationCancelled: the row is void (nothing more will be captured or warned about). */
    public Mono<Void> cancelled(String eventId, String paymentRequestId) {
        return tx.inTransaction(inbox.firstTime(SOURCE, eventId, clock.instant())
                .filter(Boolean::booleanValue)
                .flatMap(first -> store.find(paymentRequestId))
                .flatMap(row -> Mono.justOrEmpty(outcomes.onCancelled(row)))
                .flatMap(t -> transitions.applyOrFail(t, eventId))).then();
    }
}
