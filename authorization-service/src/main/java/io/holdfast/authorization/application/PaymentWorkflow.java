package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.Cause;
import io.holdfast.authorization.domain.Decision;
import io.holdfast.authorization.domain.DomainEvent;
import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.ReconcilePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The shared moves of every use case: decide on fresh state and persist the decision (payment, timeline entry,
 * outbox, inbox) in one transaction, retrying on a concurrent update; and send a recorded cancel to Antom.
 */
public final class PaymentWorkflow {

    private static final Logger log = LoggerFactory.getLogger(PaymentWorkflow.class);

    private final PaymentStore store;
    private final UnitOfWork unitOfWork;
    private final AntomGateway antom;
    private final ReconcilePolicy policy;
    private final IdGenerator ids;
    private final Clock clock;

    public PaymentWorkflow(PaymentStore store, UnitOfWork unitOfWork, AntomGateway antom, ReconcilePolicy policy,
            IdGenerator ids, Clock clock) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.antom = antom;
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Loads the payment, decides, and persists a transition, all in one transaction; retried on a concurrent update.
     * Empty when there is no such payment.
     */
    public Mono<Decision> decide(String paymentRequestId, Function<Payment, Decision> decision) {
        return unitOfWork.inTransaction(() -> store.find(paymentRequestId)
                        .flatMap(payment -> persist(decision.apply(payment))))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20))
                        .filter(ConcurrentUpdateException.class::isInstance));
    }

    /**
     * Like {@link #decide}, but decided first on {@code known}: the payment as this process last committed it, with its
     * version. A transition decided on it is written only if the row still has that version (the update's optimistic
     * check), so the usual case — nothing else touched the payment since — needs no read. A concurrent update, or a
     * decision to leave the payment unchanged (which writes nothing and so proves nothing about freshness), is decided
     * again by {@link #decide} on the payment as it is now.
     */
    public Mono<Decision> decideFrom(Payment known, Function<Payment, Decision> decision) {
        Decision onKnown = decision.apply(known);
        if (!(onKnown instanceof Decision.Transitioned)) {
            return decide(known.paymentRequestId(), decision);
        }
        return unitOfWork.inTransaction(() -> persist(onKnown))
                .onErrorResume(ConcurrentUpdateException.class, stale -> decide(known.paymentRequestId(), decision));
    }

    /**
     * Persists a decision inside the caller's transaction: payment, timeline entry and events. Empty, writing nothing,
     * when the decision creates a payment whose paymentRequestId exists already.
     */
    Mono<Decision> persist(Decision decision) {
        if (decision instanceof Decision.Unchanged unchanged) {
            log.info("payment {} unchanged: {}", unchanged.payment().paymentRequestId(), unchanged.why());
            return Mono.just(decision);
        }
        Decision.Transitioned moved = (Decision.Transitioned) decision;
        Payment scheduled = policy.scheduleAfterTransition(moved.payment(), clock.instant());
        Mono<Payment> saved = moved.transition().from() == null
                ? store.insert(scheduled, moved.transition())
                : store.update(scheduled, moved.transition());
        List<OutboundEvent> events = moved.events().stream()
                .map(event -> envelope(scheduled, moved.transition().cause(), event)).toList();
        return saved.flatMap(payment -> store.append(events).thenReturn(
                (Decision) new Decision.Transitioned(payment, moved.transition(), moved.events())))
                .doOnNext(done -> log.info("payment {}: {} -> {} ({}, cause {} {})", scheduled.paymentRequestId(),
                        moved.transition().from(), moved.transition().to(), moved.transition().trigger(),
                        moved.transition().cause().kind(), moved.transition().cause().causationId()));
    }

    /** Wraps a domain event in its envelope. */
    OutboundEvent envelope(Payment payment, Cause cause, DomainEvent event) {
        return new OutboundEvent(ids.newEventId(), payment.paymentRequestId(), payment.paymentId(),
                payment.merchantId(), clock.instant(), cause.causationId(), event);
    }

    /** An event that belongs to no transition (CommandRejected), in its envelope. */
    OutboundEvent standalone(String paymentRequestId, String merchantId, String causationId, DomainEvent event) {
        return new OutboundEvent(ids.newEventId(), paymentRequestId, null, merchantId, clock.instant(), causationId,
                event);
    }

    /**
     * What follows a committed decision: a payment that just entered CANCEL_REQUESTED has its cancel sent now (the
     * reconciler resends it if this process dies first).
     */
    public Mono<Payment> followUp(Decision decision) {
        if (decision instanceof Decision.Transitioned moved
                && moved.payment().status() == PaymentStatus.CANCEL_REQUESTED) {
            return sendCancel(moved.payment());
        }
        return Mono.just(payment(decision));
    }

    /** Sends the recorded cancel (always by paymentRequestId, so a retry is the same request) and applies the answer. */
    public Mono<Payment> sendCancel(Payment payment) {
        String id = payment.paymentRequestId();
        return antom.cancel(id)
                .flatMap(result -> decideFrom(payment, fresh -> fresh.apply(result,
                        new Cause(Cause.Kind.CANCEL_RESPONSE, id, "cancel: " + result), clock.instant())))
                .map(PaymentWorkflow::payment);
    }

    static Payment payment(Decision decision) {
        if (decision instanceof Decision.Transitioned moved) {
            return moved.payment();
        }
        return ((Decision.Unchanged) decision).payment();
    }

    PaymentStore store() {
        return store;
    }

    UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    AntomGateway antom() {
        return antom;
    }

    ReconcilePolicy policy() {
        return policy;
    }

    Clock clock() {
        return clock;
    }
}
