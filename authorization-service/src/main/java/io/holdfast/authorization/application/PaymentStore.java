package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.Transition;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The port to the payment database: aggregate, timeline, inbox and outbox. Call it inside a {@link UnitOfWork}. */
public interface PaymentStore {

    Mono<Payment> find(String paymentRequestId);

    /** Records a processed message id (inbox); false when it was processed before. */
    Mono<Boolean> markProcessed(String messageId, String source, Instant at);

    /**
     * Records a command id with the fingerprint of its content (inbox): {@link CommandSighting#FIRST} when it is new,
     * {@link CommandSighting#REDELIVERY} when it was recorded with the same fingerprint (or with none, before
     * fingerprints were kept), {@link CommandSighting#CONFLICT} when it was recorded with another one.
     */
    Mono<CommandSighting> recordCommand(String commandId, String source, String fingerprint, Instant at);

    /**
     * Inserts a new payment with its first timeline entry and returns it as stored; empty, writing nothing, when a
     * payment with its paymentRequestId exists already (so a new payment costs no lookup first).
     */
    Mono<Payment> insert(Payment payment, Transition first);

    /**
     * Updates the payment if its stored version is still {@code payment.version()} and appends the timeline entry;
     * errors with {@link ConcurrentUpdateException} otherwise.
     */
    Mono<Payment> update(Payment payment, Transition transition);

    /** Replaces only the reconciler's schedule, version-checked; empty when another writer came first. */
    Mono<Payment> updateSchedule(Payment payment);

    /** Writes events to the outbox. */
    Mono<Void> append(List<OutboundEvent> events);

    /** Unresolved payments whose next check is due, oldest first. */
    Flux<Payment> dueForReconciliation(Instant now, int limit);

    /** The payment's timeline, oldest first. */
    Flux<Transition> timeline(String paymentRequestId);

    Mono<PaymentStatistics> statistics();
}
