package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.Schedule;
import io.holdfast.capture.domain.Transition;
import reactor.core.publisher.Mono;

/** Persists a transition: the row (optimistically locked, with its next due time) and its events in the outbox. */
public final class Transitions {

    private final ScheduleStore store;
    private final Outbox outbox;
    private final Schedule schedule;

    public Transitions(ScheduleStore store, Outbox outbox, Schedule schedule) {
        this.store = store;
        this.outbox = outbox;
        this.schedule = schedule;
    }

    /** The stored row, or empty when the row was stale (nothing written). Join a transaction. */
    public Mono<Authorization> apply(Transition t, String causationId) {
        return store.update(t.next(), schedule.dueAt(t.next()))
                .flatMap(saved -> outbox.append(t.events(), saved.merchantId(), causationId).thenReturn(saved));
    }

    /** Like {@link #apply} but a stale row is an error (so a message is redelivered). */
    public Mono<Authorization> applyOrFail(Transition t, String causationId) {
        return apply(t, causationId).switchIfEmpty(Mono.error(() -> new StaleRowException(
                t.next().paymentRequestId())));
    }
}
