package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.capture.domain.Ownership;
import io.holdfast.capture.domain.PolicyChangeRequest;
import io.holdfast.capture.domain.PolicyChangeRules;
import io.holdfast.capture.domain.Schedule;
import io.holdfast.capture.domain.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Use case: ChangeDeadlinePolicy (an operator's, from the console, with its operatorId; or a merchant's).
 * capture-service owns the schedule, so it decides: on an open manual schedule row the policy changes and
 * DeadlinePolicyChanged goes out through the outbox in the same transaction ({@code changedBy} = operatorId);
 * otherwise CommandRejected — INVALID_STATE when the schedule already acted or closed, NOT_PAYMENT_OWNER when the
 * command's merchantId is not the authorization's (as for CapturePayment). Once per commandId, with the same
 * fingerprint rule as CapturePayment. A command for a payment not known here yet (a merchant sends the policy right
 * after its AuthorizePayment; the PaymentAuthorized lags behind on the other topic) is parked exactly as a
 * CapturePayment is: applied by {@link PaymentEventHandler#authorized} with the payment's other parked commands, in
 * arrival order, and rejected as UNKNOWN_PAYMENT only after the parking timeout
 * ({@link CaptureCommandHandler#rejectParkedBefore}).
 */
public final class DeadlinePolicyCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadlinePolicyCommandHandler.class);

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore store;
    private final PolicyStore policies;
    private final Outbox outbox;
    private final ParkedCommands parked;
    private final Schedule schedule;
    private final Clock clock;

    public DeadlinePolicyCommandHandler(Transactions tx, Inbox inbox, ScheduleStore store, PolicyStore policies,
            Outbox outbox, ParkedCommands parked, Schedule schedule, Clock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.policies = policies;
        this.outbox = outbox;
        this.parked = parked;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The command decided against its row: the outcome and the row as it is afterwards. */
    record Decided(CaptureCommandHandler.Outcome outcome, Authorization row) {
    }

    /** Applies, refuses or parks the command; the outcome uses {@link CaptureCommandHandler.Outcome}. */
    public Mono<CaptureCommandHandler.Outcome> change(PolicyChangeRequest request, String merchantId) {
        Instant now = clock.instant();
        return tx.inTransaction(inbox.recordCommand(CaptureCommandHandler.SOURCE, request.commandId(),
                        request.contentFingerprint(), now)
                .flatMap(sighting -> switch (sighting) {
                    case FIRST -> parked.lockPayment(request.paymentRequestId())
                            .then(store.find(request.paymentRequestId()).map(Optional::of)
                                    .defaultIfEmpty(Optional.empty()))
                            .flatMap(row -> row.isPresent()
                                    ? decide(row.get(), request, merchantId).map(Decided::outcome)
                                    : park(request, merchantId, now));
                    case REDELIVERY -> Mono.just(CaptureCommandHandler.Outcome.DUPLICATE);
                    case CONFLICT -> reject(PolicyChangeRules.duplicateCommandId(request), request, merchantId);
                }));
    }

    /**
     * Decides the command against the payment's row, in the caller's transaction: when it arrives, or when the row
     * opens and finds it parked.
     */
    Mono<Decided> decide(Authorization row, PolicyChangeRequest request, String merchantId) {
        if (!Ownership.owns(row.merchantId(), merchantId)) {
            return reject(PolicyChangeRules.notOwner(request, merchantId), request, merchantId)
                    .map(outcome -> new Decided(outcome, row));
        }
        Transition t = PolicyChangeRules.decide(row, request, schedule);
        if (t.events().stream().anyMatch(e -> e instanceof CaptureEvent.CommandRejected)) {
            return outbox.append(t.events(), row.merchantId(), request.commandId())
                    .thenReturn(new Decided(CaptureCommandHandler.Outcome.REJECTED, row));
        }
        return policies.changePolicy(t.next(), row.policy(), schedule.dueAt(t.next()))
                .switchIfEmpty(Mono.error(() -> new StaleRowException(row.paymentRequestId())))
                .flatMap(saved -> outbox.append(t.events(), saved.merchantId(), request.commandId())
                        .thenReturn(new Decided(CaptureCommandHandler.Outcome.ACCEPTED, saved)));
    }

    private Mono<CaptureCommandHandler.Outcome> park(PolicyChangeRequest request, String merchantId, Instant now) {
        log.info("ChangeDeadlinePolicy {} for unknown payment {}: parked until its PaymentAuthorized",
                request.commandId(), request.paymentRequestId());
        return parked.park(request, merchantId, now).thenReturn(CaptureCommandHandler.Outcome.PARKED);
    }

    private Mono<CaptureCommandHandler.Outcome> reject(CaptureEvent.CommandRejected rejection,
            PolicyChangeRequest request, String merchantId) {
        return outbox.append(List.of(rejection), merchantId, request.commandId())
                .thenReturn(CaptureCommandHandler.Outcome.REJECTED);
    }
}
