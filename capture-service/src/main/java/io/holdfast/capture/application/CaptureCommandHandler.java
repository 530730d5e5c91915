package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.capture.domain.RejectionReason;
import io.holdfast.capture.domain.CaptureRequest;
import io.holdfast.capture.domain.Transition;
import io.holdfast.capture.domain.ManualCaptureRules;
import io.holdfast.capture.domain.Ownership;
import io.holdfast.capture.domain.PolicyChangeRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Use case: a merchant's CapturePayment. It only decides and records (capture now = a capture scheduled for now);
 * the scheduler sends it, so every capture goes through the same attempt-row-then-call path. A command for a payment
 * not known here yet (its PaymentAuthorized lags behind on the other topic) is parked, applied by
 * {@link PaymentEventHandler#authorized} when the row opens, and rejected as UNKNOWN_PAYMENT only when it has been
 * parked longer than the parking timeout ({@link #rejectParkedBefore}, which also ends parked ChangeDeadlinePolicy
 * commands).
 */
public final class CaptureCommandHandler {

    static final String SOURCE = "payments.commands";
    /** Inbox source of records refused for breaking the contract's field rules, by topic-partition@offset. */
    static final String INVALID_SOURCE = "payments.commands.invalid";

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore store;
    private final Transitions transitions;
    private final Outbox outbox;
    private static final Logger log = LoggerFactory.getLogger(CaptureCommandHandler.class);

    private final ManualCaptureRules rules;
    private final ParkedCommands parked;
    private final Clock clock;

    public CaptureCommandHandler(Transactions tx, Inbox inbox, ScheduleStore store, Transitions transitions,
            Outbox outbox, ManualCaptureRules rules, ParkedCommands parked, Clock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.transitions = transitions;
        this.outbox = outbox;
        this.rules = rules;
        this.parked = parked;
        this.clock = clock;
    }

    /** What became of a command. */
    public enum Outcome {
        /** Recorded: a capture now or at captureAt. */
        ACCEPTED,
        /** Refused with CommandRejected (the caller also keeps the command on the dead-letter topic). */
        REJECTED,
        /** Seen before (same commandId): nothing done. */
        DUPLICATE,
        /** The payment is not known here yet: parked until its PaymentAuthorized (or the parking timeout). */
        PARKED
    }

    /**
     * Handles the command once (by commandId): an identical redelivery is a silent {@link Outcome#DUPLICATE}; the same
     * commandId with other content is never dropped, it is {@link Outcome#REJECTED} with DUPLICATE_COMMAND_ID_CONFLICT.
     * Only the authorization's merchant may capture it ({@link Ownership}): anyone else's command is rejected with
     * NOT_PAYMENT_OWNER and the row is not touched.
     */
    public Mono<Outcome> capture(CaptureRequest request, String merchantId) {
        Instant now = clock.instant();
        return tx.inTransaction(inbox.recordCommand(SOURCE, request.commandId(), request.contentFingerprint(), now)
                .flatMap(sighting -> switch (sighting) {
                    case FIRST -> parked.lockPayment(request.paymentRequestId())
                            .then(store.find(request.paymentRequestId()).map(Optional::of)
                                    .defaultIfEmpty(Optional.empty()))
                            .flatMap(row -> row.isPresent() ? decide(row.get(), request, merchantId, now)
                                    : park(request, merchantId, now));
                    case REDELIVERY -> Mono.just(Outcome.DUPLICATE);
                    case CONFLICT -> rejectConflict(request, merchantId);
                }));
    }

    /**
     * A CapturePayment that breaks the contract's field rules (messaging's {@code RecordRules}) is refused with
     * {@code CommandRejected(INVALID_FIELD, field)} to its sender, once per record ({@code recordId}:
     * topic-partition@offset, in the inbox), before anything else: its commandId is not recorded (it may be the
     * broken field). {@code commandId} and {@code merchantId} are null when they are what is broken.
     */
    public Mono<Void> rejectInvalid(String recordId, String paymentRequestId, String commandId, String merchantId,
            String field, String message) {
        return tx.inTransaction(inbox.firstTime(INVALID_SOURCE, recordId, clock.instant())
                .filter(Boolean::booleanValue)
                .flatMap(first -> outbox.append(List.of(new CaptureEvent.CommandRejected(paymentRequestId, null,
                        commandId, RejectionReason.INVALID_FIELD, field, message)), merchantId, commandId))
                .then());
    }

    /** The rejection goes to the sender, in the transaction that records the commandId. */
    private Mono<Outcome> rejectNotOwner(CaptureRequest request, String merchantId) {
        return outbox.append(List.of(Ownership.notOwner(request, merchantId)), merchantId, request.commandId())
                .thenReturn(Outcome.REJECTED);
    }

    /**
     * Rejects (UNKNOWN_PAYMENT) the commands parked before {@code now - timeout} — CapturePayment and
     * ChangeDeadlinePolicy alike: their payment never became known here; how many.
     */
    public Mono<Long> rejectParkedBefore(Duration timeout) {
        Instant cutoff = clock.instant().minus(timeout);
        return tx.inTransaction(parked.takeReceivedBefore(cutoff)
                .concatMap(p -> {
                    String type = p.fold(capture -> "CapturePayment", change -> "ChangeDeadlinePolicy");
                    log.warn("{} {} for {} parked longer than {}: no PaymentAuthorized arrived, rejected as "
                            + "UNKNOWN_PAYMENT", type, p.commandId(), p.paymentRequestId(), timeout);
                    CaptureEvent.CommandRejected rejection = p.fold(
                            capture -> ManualCaptureRules.unknownPayment(capture.request()),
                            change -> PolicyChangeRules.unknownPayment(change.request()));
                    return outbox.append(List.of(rejection), p.merchantId(), p.commandId()).thenReturn(1L);
                })
                .count());
    }

    private Mono<Outcome> decide(Authorization row, CaptureRequest request, String merchantId, Instant now) {
        if (!Ownership.owns(row.merchantId(), merchantId)) {
            return rejectNotOwner(request, merchantId);
        }
        Transition t = rules.decide(row, request, now);
        boolean rejected = t.events().stream().anyMatch(e -> e instanceof CaptureEvent.CommandRejected);
        return transitions.applyOrFail(t, request.commandId())
                .thenReturn(rejected ? Outcome.REJECTED : Outcome.ACCEPTED);
    }

    private Mono<Outcome> park(CaptureRequest request, String merchantId, Instant now) {
        log.info("CapturePayment {} for unknown payment {}: parked until its PaymentAuthorized", request.commandId(),
                request.paymentRequestId());
        return parked.park(request, merchantId, now).thenReturn(Outcome.PARKED);
    }

    private Mono<Outcome> rejectConflict(CaptureRequest request, String merchantId) {
        return outbox.append(List.of(ManualCaptureRules.duplicateCommandId(request)), merchantId, request.commandId())
                .thenReturn(Outcome.REJECTED);
    }
}
