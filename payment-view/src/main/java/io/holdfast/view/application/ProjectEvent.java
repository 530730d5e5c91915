package io.holdfast.view.application;

import io.holdfast.view.domain.Projection;
import io.holdfast.view.domain.TimelineEntry;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Projects one event: in one transaction, record its eventId in the inbox (a redelivery stops there), add it to the
 * payment's timeline, and fold the whole timeline into the row again — so a late event lands where it occurred.
 */
public final class ProjectEvent {

    /** What happened to an event. */
    public enum Outcome {
        /** Added to the timeline, row refolded. */
        PROJECTED,
        /** Seen before: nothing changed. */
        DUPLICATE
    }

    private final ViewStore store;
    private final EventInbox inbox;
    private final Transactions transactions;
    private final Clock clock;

    public ProjectEvent(ViewStore store, EventInbox inbox, Transactions transactions, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Outcome> project(TimelineEntry entry) {
        return transactions.inTransaction(inbox.firstTime(entry.eventId(), clock.instant())
                .flatMap(first -> first ? store.append(entry).then(refold(entry.envelope().paymentRequestId()))
                        .thenReturn(Outcome.PROJECTED) : Mono.just(Outcome.DUPLICATE)));
    }

    private Mono<Void> refold(String paymentRequestId) {
        return store.timeline(paymentRequestId).collectList()
                .flatMap(timeline -> store.save(Projection.fold(timeline)));
    }
}
