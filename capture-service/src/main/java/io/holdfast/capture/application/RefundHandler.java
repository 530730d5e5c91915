package io.holdfast.capture.application;

import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.RefundAttempt;
import io.holdfast.capture.domain.RefundCommand;
import io.holdfast.capture.domain.RefundEvent;
import io.holdfast.capture.domain.RefundNotice;
import io.holdfast.capture.domain.RefundOutcomes;
import io.holdfast.capture.domain.RefundResult;
import io.holdfast.capture.domain.RefundRules;
import io.holdfast.capture.domain.RefundStatus;
import io.holdfast.capture.domain.RefundTotals;
import io.holdfast.capture.domain.RejectionReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Use cases of refunds (docs/adr/0001-refund-owner.md): a merchant's RefundPayment, Antom's notifyRefund, and the
 * reconciliation of refunds that are not final.
 *
 * <p>A RefundPayment is decided under the payment row's lock ({@link RefundStore#lockPosition}): its amount is
 * reserved (pending) and its attempt row (REQUESTED, with the refundRequestId) written in one transaction with the
 * inbox record, before Antom is called; then the refund is sent at once. Whatever Antom answers is applied in a
 * transaction of its own with the events it publishes (outbox). A refund whose answer is not final is asked about
 * with inquiryRefund on a backoff ({@link #reconcileDue}); one that Antom never received is sent again with the same
 * refundRequestId. Nothing here touches the capture schedule's state: a refund never reopens a schedule, and the
 * deadline guardian never refunds.
 */
public final class RefundHandler {

    static final String COMMAND_SOURCE = CaptureCommandHandler.SOURCE;
    static final String NOTIFICATION_SOURCE = "alipay.notifications.refund";

    private static final Logger log = LoggerFactory.getLogger(RefundHandler.class);

    private final Transactions tx;
    private final Inbox inbox;
    private final ScheduleStore schedule;
    private final RefundStore refunds;
    private final RefundOutbox outbox;
    private final RefundGateway antom;
    private final RefundOutcomes outcomes;
    private final Clock clock;
    private final Settings settings;

    /**
     * @param sendLease how long a new attempt waits for its immediate send before the reconciler takes it over
     * @param claimLease how long a claimed attempt is left alone by other reconcilers
     * @param batch attempts per reconciliation pass
     * @param owner this replica's name in claims
     */
    public record Settings(Duration sendLease, Duration claimLease, int batch, String owner) {
    }

    public RefundHandler(Transactions tx, Inbox inbox, ScheduleStore schedule, RefundStore refunds,
            RefundOutbox outbox, RefundGateway antom, RefundOutcomes outcomes, Clock clock, Settings settings) {
        this.tx = tx;
        this.inbox = inbox;
        this.schedule = schedule;
        this.refunds = refunds;
        this.outbox = outbox;
        this.antom = antom;
        this.outcomes = outcomes;
        this.clock = clock;
        this.settings = settings;
    }

    /** What became of a RefundPayment. */
    public enum Outcome {
        /** Reserved and recorded; the refund was sent (or will be, by the reconciler). */
        ACCEPTED,
        /** Refused with CommandRejected (the caller also keeps the command on the dead-letter topic). */
        REJECTED,
        /** Seen before (same commandId, or the same refundRequestId for the same amount): nothing done. */
        DUPLICATE
    }

    /**
     * Handles the command once (by commandId), then sends an accepted refund. A failure of the send is logged only:
     * the attempt row is written, and the reconciler sends it after {@link Settings#sendLease()}.
     */
    public Mono<Outcome> refund(RefundCommand command, String merchantId) {
        Instant now = clock.instant();
        String refundRequestId = command.refundRequestId() != null ? command.refundRequestId()
                : RefundRules.refundRequestIdFor(command.commandId());
        return tx.inTransaction(inbox.recordCommand(COMMAND_SOURCE, command.commandId(),
                        command.contentFingerprint(), now)
                .flatMap(sighting -> switch (sighting) {
                    case FIRST -> decide(command, refundRequestId, merchantId, now);
                    case REDELIVERY -> Mono.just(Outcome.DUPLICATE);
                    case CONFLICT -> outbox.append(List.of(new RefundEvent.Rejected(command.paymentRequestId(), null,
                            command.commandId(), RejectionReason.DUPLICATE_COMMAND_ID_CONFLICT, "commandId",
                            "the commandId was already used for another command", null)), merchantId,
                            command.commandId()).thenReturn(Outcome.REJECTED);
                }))
                .flatMap(outcome -> outcome == Outcome.ACCEPTED
                        ? send(refundRequestId).thenReturn(outcome) : Mono.just(outcome));
    }

    private Mono<Outcome> decide(RefundCommand command, String refundRequestId, String merchantId, Instant now) {
        String paymentRequestId = command.paymentRequestId();
        return refunds.lockPosition(paymentRequestId).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(position -> schedule.find(paymentRequestId).map(Optional::of)
                        .defaultIfEmpty(Optional.<Authorization>empty())
                        .flatMap(row -> refunds.find(refundRequestId).map(Optional::of)
                                .defaultIfEmpty(Optional.<RefundAttempt>empty())
                                .flatMap(existing -> apply(RefundRules.decide(row.orElse(null),
                                        position.orElse(null), existing.orElse(null), command, merchantId, now,
                                        now.plus(settings.sendLease())), position.orElse(null), command,
                                        merchantId))));
    }

    private Mono<Outcome> apply(RefundRules.Decision decision, RefundTotals before, RefundCommand command,
            String merchantId) {
        if (decision instanceof RefundRules.Decision.Accept accept) {
            return refunds.savePosition(command.paymentRequestId(), before, accept.totals())
                    .then(refunds.insert(accept.attempt())).thenReturn(Outcome.ACCEPTED);
        }
        if (decision instanceof RefundRules.Decision.Reject reject) {
            log.info("RefundPayment {} for {} rejected: {} ({})", command.commandId(), command.paymentRequestId(),
                    reject.event().reason(), reject.event().message());
            return outbox.append(List.of(reject.event()), merchantId, command.commandId())
                    .thenReturn(Outcome.REJECTED);
        }
        RefundAttempt existing = ((RefundRules.Decision.AlreadyRequested) decision).attempt();
        log.info("RefundPayment {}: refund {} was already requested ({}); nothing to do", command.commandId(),
                existing.refundRequestId(), existing.status());
        return Mono.just(Outcome.DUPLICATE);
    }

    /** Sends a REQUESTED attempt and applies the answer; errors are logged (the reconciler takes over). */
    private Mono<Void> send(String refundRequestId) {
        return refunds.find(refundRequestId)
                .filter(attempt -> attempt.status() == RefundStatus.REQUESTED)
                .flatMap(attempt -> antom.refund(attempt)
                        .flatMap(result -> applyResult(refundRequestId, result, attempt.commandId())))
                .onErrorResume(e -> {
                    log.warn("refund {}: the answer could not be recorded now; the reconciler resolves it",
                            refundRequestId, e);
                    return Mono.empty();
                })
                .then();
    }

    /** A verified notifyRefund, once per notificationId. A refund that is not ours is logged and ignored. */
    public Mono<Void> notified(RefundNotice notice) {
        RefundResult result = notice.succeeded()
                ? new RefundResult.Succeeded(notice.refundId(), notice.refundTime())
                : new RefundResult.Failed(notice.resultCode(), notice.resultMessage(),
                        antom.advise(notice.resultCode()));
        return tx.inTransaction(inbox.firstTime(NOTIFICATION_SOURCE, notice.notificationId(), clock.instant())
                .filter(Boolean::booleanValue)
                .flatMap(first -> applyInTransaction(notice.refundRequestId(), result, notice.notificationId()))
                .then());
    }

    /**
     * One pass of reconciliation: claims the due attempts and asks Antom about each (inquiryRefund); a refund Antom
     * never received is sent again with the same refundRequestId. Returns how many were looked at.
     */
    public Mono<Integer> reconcileDue() {
        Instant now = clock.instant();
        return refunds.claimDue(now, now.plus(settings.claimLease()), settings.batch(), settings.owner())
                .concatMap(attempt -> antom.inquire(attempt.refundRequestId())
                        .flatMap(result -> result instanceof RefundResult.NotFound
                                && attempt.status() != RefundStatus.PENDING
                                ? antom.refund(attempt) : Mono.just(result))
                        .flatMap(result -> applyResult(attempt.refundRequestId(), result, attempt.commandId()))
                        .thenReturn(1))
                .reduce(0, Integer::sum);
    }

    private Mono<Void> applyResult(String refundRequestId, RefundResult result, String causationId) {
        return tx.inTransaction(applyInTransaction(refundRequestId, result, causationId).thenReturn(true)).then();
    }

    /** Locks the payment row, re-reads the attempt under that lock, applies the result with its events. */
    private Mono<Void> applyInTransaction(String refundRequestId, RefundResult result, String causationId) {
        return refunds.find(refundRequestId)
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("refund result for unknown refundRequestId {} "
                        + "ignored (not a refund of this service)", refundRequestId)))
                .flatMap(found -> refunds.lockPosition(found.paymentRequestId())
                        .flatMap(totals -> refunds.find(refundRequestId)
                                .flatMap(attempt -> record(attempt, totals, result, causationId))))
                .then();
    }

    private Mono<Void> record(RefundAttempt attempt, RefundTotals totals, RefundResult result, String causationId) {
        RefundOutcomes.Transition t = outcomes.apply(attempt, totals, result, clock.instant());
        if (!t.changed()) {
            log.info("refund {} is already {}: {} changes nothing", attempt.refundRequestId(), attempt.status(),
                    result.getClass().getSimpleName());
            return Mono.empty();
        }
        Mono<Void> position = t.totals().equals(totals) ? Mono.empty()
                : refunds.savePosition(attempt.paymentRequestId(), totals, t.totals());
        return position.then(refunds.update(t.attempt(), attempt.status()))
                .flatMap(updated -> updated ? outbox.append(t.events(), attempt.merchantId(), causationId)
                        : Mono.error(new IllegalStateException("refund " + attempt.refundRequestId()
                                + " changed under the payment's lock")));
    }
}
