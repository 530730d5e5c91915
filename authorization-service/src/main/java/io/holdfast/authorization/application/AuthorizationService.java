package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.Cause;
import io.holdfast.authorization.domain.Decision;
import io.holdfast.authorization.domain.DomainEvent;
import io.holdfast.authorization.domain.Ownership;
import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.RejectionReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The commands: AuthorizePayment and CancelPayment. Each records its commandId (inbox) and its attempt (write-ahead)
 * in one transaction before Antom is called, then records the outcome and its events in a second one.
 */
public final class AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationService.class);
    private static final String INBOX_SOURCE = "payments.commands";
    private static final String UNREADABLE_SOURCE = "payments.commands.unreadable";
    private static final String INVALID_SOURCE = "payments.commands.invalid";

    /** The result of the first transaction: either the command is done, or Antom must now be called. */
    private sealed interface Step {
    }

    private record Done(CommandOutcome outcome) implements Step {
    }

    private record Proceed(Payment payment) implements Step {
    }

    private final PaymentWorkflow workflow;

    public AuthorizationService(PaymentWorkflow workflow) {
        this.workflow = workflow;
    }

    /** AuthorizePayment: write-ahead AUTH_REQUESTED, pay, record the outcome. */
    public Mono<CommandOutcome> authorize(AuthorizeCommand command) {
        Mono<Step> writeAhead = workflow.unitOfWork().inTransaction(() -> once(command.commandId(),
                command.commandFingerprint(), command.paymentRequestId(), command.merchantId(),
                () -> admit(command)));
        return writeAhead.flatMap(step -> step instanceof Proceed proceed ? pay(command, proceed.payment())
                : Mono.just(((Done) step).outcome()));
    }

    /** CancelPayment: write-ahead CANCEL_REQUESTED, cancel, record the outcome. */
    public Mono<CommandOutcome> cancel(CancelCommand command) {
        Instant now = workflow.clock().instant();
        Cause cause = new Cause(Cause.Kind.COMMAND, command.commandId(), "CancelPayment"
                + (command.reason() == null ? "" : ": " + command.reason()));
        Mono<Step> order = workflow.unitOfWork().inTransaction(() -> once(command.commandId(),
                command.commandFingerprint(), command.paymentRequestId(), command.merchantId(),
                () -> workflow.store().find(command.paymentRequestId())
                                .flatMap(payment -> !Ownership.owns(payment.merchantId(), command.merchantId())
                                        ? reject(command.commandId(), command.paymentRequestId(),
                                                command.merchantId(), notOwner(payment, command.merchantId()))
                                        : cancelDecided(command,
                                                payment.orderCancel(command.initiator(), command.reason(), cause,
                                                        now)))
                                .switchIfEmpty(Mono.defer(() -> reject(command.commandId(),
                                        command.paymentRequestId(), command.merchantId(),
                                        new CommandOutcome.Rejected(RejectionReason.UNKNOWN_PAYMENT,
                                                "paymentRequestId", "no payment " + command.paymentRequestId()))))));
        return order.flatMap(step -> step instanceof Proceed proceed
                ? workflow.sendCancel(proceed.payment()).map(payment -> new CommandOutcome.Accepted(payment.status()))
                : Mono.just(((Done) step).outcome()));
    }

    private Mono<Step> cancelDecided(CancelCommand command, Decision decision) {
        if (decision instanceof Decision.Transitioned) {
            return workflow.persist(decision).map(saved -> new Proceed(PaymentWorkflow.payment(saved)));
        }
        PaymentStatus status = PaymentWorkflow.payment(decision).status();
        boolean alreadyCancelling = status == PaymentStatus.CANCEL_REQUESTED || status == PaymentStatus.CANCEL_UNKNOWN
                || status == PaymentStatus.VOIDED;
        if (alreadyCancelling) {
            log.info("cancel {} of payment {} ignored: already {}", command.commandId(), command.paymentRequestId(),
                    status);
            return done(new CommandOutcome.Ignored("payment already " + status));
        }
        return reject(command.commandId(), command.paymentRequestId(), command.merchantId(),
                new CommandOutcome.Rejected(RejectionReason.INVALID_STATE, null,
                        "a payment in " + status + " cannot be cancelled"));
    }

    private Mono<CommandOutcome> pay(AuthorizeCommand command, Payment requested) {
        return workflow.antom().pay(command.order())
                .flatMap(result -> workflow.decideFrom(requested, payment -> payment.apply(result,
                        new Cause(Cause.Kind.PAY_RESPONSE, command.commandId(), "pay: " + result),
                        workflow.clock().instant())))
                .flatMap(workflow::followUp)
                .map(payment -> new CommandOutcome.Accepted(payment.status()));
    }

    private static CommandOutcome.Rejected conflict(Payment existing, AuthorizeCommand command) {
        if (!Ownership.owns(existing.merchantId(), command.merchantId())) {
            // another merchant's paymentRequestId: say so, and never reveal that payment's state
            return notOwner(existing, command.merchantId());
        }
        if (existing.sameRequestAs(command.fingerprint())) {
            return new CommandOutcome.Rejected(RejectionReason.INVALID_STATE, "paymentRequestId",
                    "payment " + existing.paymentRequestId() + " already exists (" + existing.status()
                            + "); a new attempt needs a new paymentRequestId");
        }
        return new CommandOutcome.Rejected(RejectionReason.CONFLICTING_COMMAND, "paymentRequestId",
                "payment " + existing.paymentRequestId() + " exists with different content");
    }

    private static CommandOutcome.Rejected notOwner(Payment payment, String commandMerchantId) {
        return new CommandOutcome.Rejected(RejectionReason.NOT_PAYMENT_OWNER, "merchantId",
                Ownership.notOwnerMessage(payment.paymentRequestId(), commandMerchantId));
    }

    /**
     * A payment with this paymentRequestId exists: the command conflicts with it (checked before the command's own
     * fields, as a merchant reusing an id learns that first). Otherwise a valid command writes AUTH_REQUESTED; the
     * insert itself finds an existing payment, so a new one costs no lookup first.
     */
    private Mono<Step> admit(AuthorizeCommand command) {
        Optional<CommandValidator.Violation> violation = CommandValidator.validate(command);
        if (violation.isPresent()) {
            return rejectExisting(command).switchIfEmpty(Mono.defer(() -> reject(command.commandId(),
                    command.paymentRequestId(), command.merchantId(), new CommandOutcome.Rejected(
                            RejectionReason.INVALID_FIELD, violation.get().field(), violation.get().message()))));
        }
        Cause cause = new Cause(Cause.Kind.COMMAND, command.commandId(), "AuthorizePayment");
        return workflow.persist(Payment.request(command.toNewPayment(), cause, workflow.clock().instant()))
                .map(saved -> (Step) new Proceed(PaymentWorkflow.payment(saved)))
                .switchIfEmpty(Mono.defer(() -> rejectExisting(command)));
    }

    /** The command's rejection for the existing payment with its paymentRequestId; empty when there is none. */
    private Mono<Step> rejectExisting(AuthorizeCommand command) {
        return workflow.store().find(command.paymentRequestId())
                .flatMap(existing -> reject(command.commandId(), command.paymentRequestId(), command.merchantId(),
                        conflict(existing, command)));
    }

    /**
     * A record on {@code payments.commands} that can never be applied — undecodable bytes, or a command that breaks
     * the contract — is answered with {@code CommandRejected(UNREADABLE)} before it goes to the dead-letter topic, so
     * a merchant who published it learns it was not applied. Addressed by the record's key (the paymentRequestId);
     * once per record ({@code recordId}: topic, partition and offset, in the inbox).
     */
    public Mono<Void> rejectUnreadable(String recordId, String paymentRequestId, String commandId, String merchantId,
            String message) {
        return rejectRecord(recordId, UNREADABLE_SOURCE, paymentRequestId, commandId, merchantId,
                new CommandOutcome.Rejected(RejectionReason.UNREADABLE, null, message));
    }

    /**
     * A command that decodes but breaks the contract's field rules (a paymentRequestId over 64, an amount out of
     * range, card data in a text field) is answered with {@code CommandRejected(INVALID_FIELD, field)} before anything
     * else — its commandId is not recorded, it may be the broken field — once per record ({@code recordId}:
     * topic-partition@offset, in the inbox). {@code commandId} and {@code merchantId} are null when they are broken.
     */
    public Mono<Void> rejectInvalid(String recordId, String paymentRequestId, String commandId, String merchantId,
            String field, String message) {
        return rejectRecord(recordId, INVALID_SOURCE, paymentRequestId, commandId, merchantId,
                new CommandOutcome.Rejected(RejectionReason.INVALID_FIELD, field, message));
    }

    private Mono<Void> rejectRecord(String recordId, String source, String paymentRequestId, String commandId,
            String merchantId, CommandOutcome.Rejected rejection) {
        Instant now = workflow.clock().instant();
        return workflow.unitOfWork().inTransaction(() -> workflow.store()
                .markProcessed(recordId, source, now)
                .filter(Boolean::booleanValue)
                .flatMap(first -> reject(commandId, paymentRequestId, merchantId, rejection))
                .then());
    }

    /**
     * Runs {@code firstTime} only for a commandId never seen before (recorded in the inbox in the caller's transaction).
     * A redelivery of the same content is a silent no-op; the same commandId with other content is never dropped as
     * a duplicate: it is rejected with DUPLICATE_COMMAND_ID_CONFLICT, so the merchant learns its command was not
     * applied.
     */
    private Mono<Step> once(String commandId, String fingerprint, String paymentRequestId, String merchantId,
            Supplier<Mono<Step>> firstTime) {
        return workflow.store().recordCommand(commandId, INBOX_SOURCE, fingerprint, workflow.clock().instant())
                .flatMap(sighting -> switch (sighting) {
                    case FIRST -> firstTime.get();
                    case REDELIVERY -> done(new CommandOutcome.Duplicate());
                    case CONFLICT -> reject(commandId, paymentRequestId, merchantId, new CommandOutcome.Rejected(
                            RejectionReason.DUPLICATE_COMMAND_ID_CONFLICT, "commandId", "commandId " + commandId
                                    + " was already processed with different content; this command was not applied"
                                    + " (send it with its own commandId / Idempotency-Key)"));
                });
    }

    private static Mono<Step> done(CommandOutcome outcome) {
        return Mono.just(new Done(outcome));
    }

    /** Emits CommandRejected through the outbox (inside the caller's transaction). */
    private Mono<Step> reject(String commandId, String paymentRequestId, String merchantId,
            CommandOutcome.Rejected rejected) {
        log.warn("command {} for payment {} rejected: {} {} {}", commandId, paymentRequestId, rejected.reason(),
                rejected.field(), rejected.message());
        OutboundEvent event = workflow.standalone(paymentRequestId, merchantId, commandId,
                new DomainEvent.CommandRejected(commandId, rejected.reason(), rejected.field(), rejected.message()));
        return workflow.store().append(List.of(event)).thenReturn(new Done(rejected));
    }
}
