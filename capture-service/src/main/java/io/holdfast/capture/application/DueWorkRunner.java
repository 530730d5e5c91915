package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.capture.domain.CaptureOutcomes;
import io.holdfast.capture.domain.CaptureResult;
import io.holdfast.capture.domain.Decision;
import io.holdfast.capture.domain.Guardian;
import io.holdfast.capture.domain.NextStep;
import io.holdfast.capture.domain.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The guardian's engine: claims due rows in batches (SKIP LOCKED, with a lease), decides, persists the decision
 * with its events, then — after the commit — sends the capture or inquires. Dueness comes from the injected clock
 * only. Several replicas run this concurrently; the claim and the optimistic version make each due job run once.
 */
public final class DueWorkRunner {

    private static final Logger log = LoggerFactory.getLogger(DueWorkRunner.class);

    private final Transactions tx;
    private final ScheduleStore store;
    private final Transitions transitions;
    private final Guardian guardian;
    private final CaptureOutcomes outcomes;
    private final CaptureGateway antom;
    private final Clock clock;
    private final Settings settings;

    /**
     * How the runner claims.
     *
     * @param owner this instance's name, stored on claimed rows
     * @param batch rows per claim
     * @param lease how long a claim keeps others away (on the injected clock)
     * @param concurrency claimed rows worked at once
     */
    public record Settings(String owner, int batch, Duration lease, int concurrency) {
    }

    public DueWorkRunner(Transactions tx, ScheduleStore store, Transitions transitions, Guardian guardian,
            CaptureOutcomes outcomes, CaptureGateway antom, Clock clock, Settings settings) {
        this.tx = tx;
        this.store = store;
        this.transitions = transitions;
        this.guardian = guardian;
        this.outcomes = outcomes;
        this.antom = antom;
        this.clock = clock;
        this.settings = settings;
    }

    /** One pass: claims a batch and works it; the number of rows claimed. */
    public Mono<Integer> runOnce() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.lease());
        return tx.inTransaction(store.claimDue(now, leaseUntil, settings.batch(), settings.owner()).collectList())
                .flatMapIterable(rows -> rows)
                // rows are distinct authorizations: work a few at once (Antom calls dominate)
                .flatMap(row -> work(row, leaseUntil).onErrorResume(e -> {
                    // the row stays claimed until its lease ends, then it is due again: nothing is lost
                    log.warn("due work for {} failed, retried after the lease: {}", row.paymentRequestId(),
                            e.toString());
                    return Mono.empty();
                }).thenReturn(1), settings.concurrency())
                .count().map(Long::intValue);
    }

    private Mono<Void> work(Authorization row, Instant leaseUntil) {
        Decision d = held(guardian.onDue(row, clock.instant()), leaseUntil);
        return persist(d).flatMap(saved -> next(d, saved));
    }

    /**
     * An inquiry keeps its row claimed while Antom is asked: the row is written back due at the claim's lease end, not
     * at its next action (which has come), so that neither another replica nor this one's next pass asks again
     * meanwhile, and a failed inquiry is retried after the lease. The answer sets the row's next action.
     */
    private static Decision held(Decision d, Instant leaseUntil) {
        if (d.then() != NextStep.INQUIRE) {
            return d;
        }
        return new Decision(new Transition(d.transition().next().recheckAt(leaseUntil), d.transition().events()),
                d.then());
    }

    private Mono<Authorization> persist(Decision d) {
        return tx.inTransaction(transitions.apply(d.transition(), null)).doOnNext(saved -> {
            if (saved.deadlineMissed() && d.transition().events().stream()
                    .anyMatch(e -> e instanceof CaptureEvent.AuthorizationExpired)) {
                log.error("DEADLINE MISS: {} (paymentId {}, {}) lapsed at {} against policy {}",
                        saved.paymentRequestId(), saved.paymentId(), saved.amount(), saved.deadline(),
                        saved.policy());
            }
        });
    }

    private Mono<Void> next(Decision d, Authorization saved) {
        switch (d.then()) {
            case NONE:
                return Mono.empty();
            case SEND_CAPTURE:
                return send(saved);
            case INQUIRE:
                return antom.captures(saved.paymentId())
                        .flatMap(lookup -> {
                            Decision after = outcomes.onLookup(saved, lookup, clock.instant());
                            return persist(after).flatMap(stored -> next(after, stored));
                        });
        }
        throw new IllegalStateException("unhandled " + d.then());
    }

    private Mono<Void> send(Authorization requested) {
        // the attempt row is committed; last check, on the injected clock, right before the call
        if (!guardian.mayStillCapture(requested, clock.instant())) {
            return persist(Decision.persist(guardian.tooLateToCapture(requested))).then();
        }
        return antom.capture(requested.captureRequestId(), requested.paymentId(), requested.amount())
                .flatMap(result -> outcomes.refusalToVerify(requested, result)
                        .map(refused -> verify(requested, refused))
                        .orElseGet(() -> tx.inTransaction(transitions.apply(
                                outcomes.onCaptureResult(requested, result, clock.instant()), null))))
                .then();
    }

    /** A refusal after an earlier unknown: Antom's ledger decides before any CaptureFailed is published. */
    private Mono<Authorization> verify(Authorization requested, CaptureResult.Refused refused) {
        log.warn("capture {} of {} refused ({}) after an earlier unknown outcome: inquiring before CaptureFailed",
                requested.captureRequestId(), requested.paymentRequestId(), refused.resultCode());
        return antom.captures(requested.paymentId()).flatMap(lookup -> tx.inTransaction(transitions.apply(
                outcomes.onRefusalVerified(requested, refused, lookup, clock.instant()), null)));
    }
}
