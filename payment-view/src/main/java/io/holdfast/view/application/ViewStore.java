package io.holdfast.view.application;

import io.holdfast.view.domain.PaymentView;
import io.holdfast.view.domain.TimelineEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The view's tables: timelines and rows. Every method joins the caller's transaction. */
public interface ViewStore {

    /** Adds an event to its payment's timeline; true when it was not there before (idempotent on eventId). */
    Mono<Boolean> append(TimelineEntry entry);

    /** The stored timeline of a payment, in any order. */
    Flux<TimelineEntry> timeline(String paymentRequestId);

    /** Inserts or replaces a payment's row. */
    Mono<Void> save(PaymentView view);

    Mono<PaymentView> find(String paymentRequestId);

    /** Rows matching the query, in the query's order, at most {@code query.limit()}. */
    Flux<PaymentView> search(ViewQuery query);

    /** Open manual authorizations with a deadline (the board's candidates). */
    Flux<PaymentView> openManual();

    /** Empties timelines, rows and the event inbox (before a rebuild from the topic). */
    Mono<Void> truncate();
}
