package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.AuthorizedPayment;
import io.holdfast.capture.domain.CaptureOutcomes;
import io.holdfast.capture.domain.CaptureRequest;
import io.holdfast.capture.domain.Guardian;
import io.holdfast.capture.domain.ManualCaptureRules;
import io.holdfast.capture.domain.Ownership;
import io.holdfast.capture.domain.Schedule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Use case: payments.events from authorization-service open and close schedule rows. Opening a row applies any
 * notifyCapture parked for its paymentId (it arrived first), then the commands parked for its paymentRequestId
 * (CapturePayment, ChangeDeadlinePolicy) in arrival order, in the same transaction.
 */
public final class PaymentEventHandler {

    static final String SOURCE = "payments.events";
    private static final Logger log = LoggerFactory.getLogger(PaymentEventHandler.class);

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore store;
    private final Transitions transitions;
    private final Guardian guardian;
    private final CaptureOutcomes outcomes;
    private final Schedule schedule;
    private final EarlyNotifications early;
    private final ParkedCommands parkedCommands;
    private final ManualCaptureRules rules;
    private final Outbox outbox;
    private final DeadlinePolicyCommandHandler policyChanges;
    private final DeadlineAnomalies anomalies;
    private final Clock clock;

    /**
     * The use case's collaborators beyond the row store: what was parked for a payment before it opened.
     *
     * @param early notifyCaptures that arrived first
     * @param commands CapturePayment and ChangeDeadlinePolicy commands that arrived first
     * @param rules what a parked CapturePayment is decided by
     * @param outbox where a parked CapturePayment from another merchant is rejected, addressed to its sender
     * @param policyChanges what a parked ChangeDeadlinePolicy is decided by (the same as when it finds its row)
     */
    public record Parked(EarlyNotifications early, ParkedCommands commands, ManualCaptureRules rules, Outbox outbox,
            DeadlinePolicyCommandHandler policyChanges) {
    }

    public PaymentEventHandler(Transactions tx, Inbox inbox, ScheduleStore store, Transitions transitions,
            Guardian guardian, CaptureOutcomes outcomes, Schedule schedule, Parked parked,
            DeadlineAnomalies anomalies, Clock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.transitions = transitions;
        this.guardian = guardian;
        this.outcomes = outcomes;
        this.schedule = schedule;
        this.early = parked.early();
        this.parkedCommands = parked.commands();
        this.rules = parked.rules();
        this.outbox = parked.outbox();
        this.policyChanges = parked.policyChanges();
        this.anomalies = anomalies;
        this.clock = clock;
    }

    /**
     * PaymentAuthorized: a new schedule row (a redelivery changes nothing), moved at once by a notifyCapture parked
     * for it; parked notifications are deleted whether they applied or not.
     */
    public Mono<Void> authorized(String eventId, AuthorizedPayment payment) {
        Instant now = clock.instant();
        return tx.inTransaction(inbox.firstTime(SOURCE, eventId, now)
                .filter(Boolean::booleanValue)
                .flatMap(first -> early.lockPayment(payment.paymentId())
                        .then(parkedCommands.lockPayment(payment.paymentRequestId()))
                        .then(open(payment, now)))).then();
    }

    private Mono<Authorization> open(AuthorizedPayment payment, Instant now) {
        Authorization row = guardian.onAuthorized(payment);
        Schedule.DeadlineReading reading = schedule.readDeadline(payment.authorizedAt(), payment.authExpiryTime());
        if (reading.anomaly() != null) {
            // never silent: the deadline is the earlier reading, and operations learn that Antom's was not usable
            log.warn("DEADLINE ANOMALY {}: {} (paymentId {}) authorizedAt {} authExpiryTime {} -> deadline {}",
                    reading.anomaly(), payment.paymentRequestId(), payment.paymentId(), payment.authorizedAt(),
                    payment.authExpiryTime(), reading.deadline());
            anomalies.record(reading.anomaly());
        }
        return store.insert(row, schedule.dueAt(row))
                .filter(Boolean::booleanValue)
                .flatMap(inserted -> applyEarly(row, now).defaultIfEmpty(row))
                .flatMap(current -> parkedCommands.takeAll(current.paymentRequestId()).collectList()
                        .flatMap(commands -> applyCommands(current, commands, 0, now)));
    }

    /**
     * The parked commands (CapturePayment and ChangeDeadlinePolicy), in arrival order, each decided against the row as
     * the previous left it.
     */
    private Mono<Authorization> applyCommands(Authorization current, List<ParkedCommands.ParkedCommand> commands,
            int next, Instant now) {
        if (next == commands.size()) {
            return Mono.just(current);
        }
        ParkedCommands.ParkedCommand command = commands.get(next);
        log.info("parked {} {} for {} applied now that its PaymentAuthorized arrived",
                command.fold(capture -> "CapturePayment", change -> "ChangeDeadlinePolicy"), command.commandId(),
                command.paymentRequestId());
        return command.fold(capture -> applyCapture(current, capture, now),
                        change -> policyChanges.decide(current, change.request(), change.merchantId())
                                .map(DeadlinePolicyCommandHandler.Decided::row))
                .flatMap(after -> applyCommands(after, commands, next + 1, now));
    }

    private Mono<Authorization> applyCapture(Authorization current, ParkedCommands.ParkedCapture parked,
            Instant now) {
        CaptureRequest request = parked.request();
        if (!Ownership.owns(current.merchantId(), parked.merchantId())) {
            // the same rule as a command that finds its row: the row is untouched, the rejection goes to the sender
            return outbox.append(List.of(Ownership.notOwner(request, parked.merchantId())), parked.merchantId(),
                    request.commandId()).thenReturn(current);
        }
        return transitions.applyOrFail(rules.decide(current, request, now), request.commandId());
    }

    private Mono<Authorization> applyEarly(Authorization row, Instant now) {
        return early.takeAll(row.paymentId()).collectList()
                .flatMap(parked -> {
                    Optional<CaptureOutcomes.EarlyApplied> applied = outcomes.onEarlyNotifications(row, parked, now);
                    parked.stream().filter(n -> applied.map(a -> a.notification() != n).orElse(true))
                            .forEach(n -> log.warn("parked notifyCapture {} (captureRequestId {}) for {} ({}) changes "
                                    + "nothing: discarded", n.notificationId(), n.captureRequestId(),
                                    row.paymentRequestId(), row.status()));
                    return Mono.justOrEmpty(applied);
                })
                .flatMap(applied -> transitions.applyOrFail(applied.transition(),
                        applied.notification().notificationId()));
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
