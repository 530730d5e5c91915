package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.capture.domain.Ownership;
import io.holdfast.capture.domain.PolicyChangeRequest;
import io.holdfast.capture.domain.PolicyChangeRules;
import io.holdfast.capture.domain.Transition;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Use case: ChangeDeadlinePolicy (an operator's, from the console, with its operatorId). capture-service owns the
 * schedule, so it decides: on an open manual schedule row the policy changes and DeadlinePolicyChanged goes out
 * through the outbox in the same transaction ({@code changedBy} = operatorId); otherwise CommandRejected —
 * INVALID_STATE when the schedule already acted or closed, UNKNOWN_PAYMENT when the payment is not known here,
 * NOT_PAYMENT_OWNER when the command's merchantId is not the authorization's (as for CapturePayment). Once per
 * commandId, with the same fingerprint rule as CapturePayment. Unlike CapturePayment, a policy change for a payment
 * not known yet is not parked: an operator acts on a payment the view shows as authorized.
 */
public final class DeadlinePolicyCommandHandler {

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore store;
    private final PolicyStore policies;
    private final Outbox outbox;
    private final Clock clock;

    public DeadlinePolicyCommandHandler(Transactions tx, Inbox inbox, ScheduleStore store, PolicyStore policies,
            Outbox outbox, Clock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.policies = policies;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies or refuses the command; the outcome uses {@link CaptureCommandHandler.Outcome} (never PARKED). */
    public Mono<CaptureCommandHandler.Outcome> change(PolicyChangeRequest request, String merchantId) {
        return tx.inTransaction(inbox.recordCommand(CaptureCommandHandler.SOURCE, request.commandId(),
                        request.contentFingerprint(), clock.instant())
                .flatMap(sighting -> switch (sighting) {
                    case FIRST -> store.find(request.paymentRequestId()).map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(row -> row.isPresent() ? decide(row.get(), request, merchantId)
                                    : reject(PolicyChangeRules.unknownPayment(request), request, merchantId));
                    case REDELIVERY -> Mono.just(CaptureCommandHandler.Outcome.DUPLICATE);
                    case CONFLICT -> reject(PolicyChangeRules.duplicateCommandId(request), request, merchantId);
                }));
    }

    private Mono<CaptureCommandHandler.Outcome> decide(Authorization row, PolicyChangeRequest request,
            String merchantId) {
        if (!Ownership.owns(row.merchantId(), merchantId)) {
            return reject(PolicyChangeRules.notOwner(request, merchantId), request, merchantId);
        }
        Transition t = PolicyChangeRules.decide(row, request);
        if (t.events().stream().anyMatch(e -> e instanceof CaptureEvent.CommandRejected)) {
            return outbox.append(t.events(), row.merchantId(), request.commandId())
                    .thenReturn(CaptureCommandHandler.Outcome.REJECTED);
        }
        return policies.changePolicy(t.next(), row.policy())
                .switchIfEmpty(Mono.error(() -> new StaleRowException(row.paymentRequestId())))
                .flatMap(saved -> outbox.append(t.events(), saved.merchantId(), request.commandId()))
                .thenReturn(CaptureCommandHandler.Outcome.ACCEPTED);
    }

    private Mono<CaptureCommandHandler.Outcome> reject(CaptureEvent.CommandRejected rejection,
            PolicyChangeRequest request, String merchantId) {
        return outbox.append(List.of(rejection), merchantId, request.commandId())
                .thenReturn(CaptureCommandHandler.Outcome.REJECTED);
    }
}
