package io.holdfast.capture.application;

import io.holdfast.capture.domain.CaptureEvent;
import io.holdfast.capture.domain.CaptureRequest;
import io.holdfast.capture.domain.Transition;
import io.holdfast.capture.domain.ManualCaptureRules;
import io.holdfast.capture.domain.Ownership;
import java.time.Clock;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Use case: a merchant's CapturePayment. It only decides and records (capture now = a capture scheduled for now);
 * the scheduler sends it, so every capture goes through the same attempt-row-then-call path.
 */
public final class CaptureCommandHandler {

    static final String SOURCE = "payments.commands";

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore store;
    private final Transitions transitions;
    private final Outbox outbox;
    private final ManualCaptureRules rules;
    private final Clock clock;

    public CaptureCommandHandler(Transactions tx, Inbox inbox, ScheduleStore store, Transitions transitions,
            Outbox outbox, ManualCaptureRules rules, Clock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.store = store;
        this.transitions = transitions;
        this.outbox = outbox;
        this.rules = rules;
        this.clock = clock;
    }

    /** What became of a command. */
    public enum Outcome {
        /** Recorded: a capture now or at captureAt. */
        ACCEPTED,
        /** Refused with CommandRejected (the caller also keeps the command on the dead-letter topic). */
        REJECTED,
        /** Seen before (same commandId): nothing done. */
        DUPLICATE
    }

    /**
     * Handles the command once (by commandId): an identical redelivery is a silent {@link Outcome#DUPLICATE}; the same
     * commandId with other content is never dropped, it is {@link Outcome#REJECTED} with DUPLICATE_COMMAND_ID_CONFLICT.
     * Only the authorization's merchant may capture it ({@link Ownership}): anyone else's command is rejected with
     * NOT_PAYMENT_OWNER and the row is not touched.
     */
    public Mono<Outcome> capture(CaptureRequest request, String merchantId) {
        return tx.inTransaction(inbox.recordCommand(SOURCE, request.commandId(), request.contentFingerprint(),
                        clock.instant())
                .flatMap(sighting -> switch (sighting) {
                    case FIRST -> store.find(request.paymentRequestId())
                            .flatMap(row -> {
                                if (!Ownership.owns(row.merchantId(), merchantId)) {
                                    return rejectNotOwner(request, merchantId);
                                }
                                Transition t = rules.decide(row, request, clock.instant());
                                boolean rejected = t.events().stream()
                                        .anyMatch(e -> e instanceof CaptureEvent.CommandRejected);
                                return transitions.applyOrFail(t, request.commandId())
                                        .thenReturn(rejected ? Outcome.REJECTED : Outcome.ACCEPTED);
                            })
                            .switchIfEmpty(Mono.error(() -> new PaymentNotYetKnownException(request, merchantId)));
                    case REDELIVERY -> Mono.just(Outcome.DUPLICATE);
                    case CONFLICT -> rejectConflict(request, merchantId);
                }));
    }

    /** The rejection goes to the sender, in the transaction that records the commandId. */
    private Mono<Outcome> rejectNotOwner(CaptureRequest request, String merchantId) {
        return outbox.append(List.of(Ownership.notOwner(request, merchantId)), merchantId, request.commandId())
                .thenReturn(Outcome.REJECTED);
    }

    /** After the retries: the payment is still unknown, so the command is rejected (once, by commandId). */
    public Mono<Void> rejectUnknown(CaptureRequest request, String merchantId) {
        return tx.inTransaction(inbox.recordCommand(SOURCE, request.commandId(), request.contentFingerprint(),
                        clock.instant())
                .flatMap(sighting -> switch (sighting) {
                    case FIRST -> outbox.append(List.of(ManualCaptureRules.unknownPayment(request)), merchantId,
                            request.commandId()).thenReturn(Outcome.REJECTED);
                    case REDELIVERY -> Mono.just(Outcome.DUPLICATE);
                    case CONFLICT -> rejectConflict(request, merchantId);
                })).then();
    }

    private Mono<Outcome> rejectConflict(CaptureRequest request, String merchantId) {
        return outbox.append(List.of(ManualCaptureRules.duplicateCommandId(request)), merchantId, request.commandId())
                .thenReturn(Outcome.REJECTED);
    }
}
