package io.holdfast.authorization.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.authorization.domain.AdvisedAction;
import io.holdfast.authorization.domain.AuthorizationResult;
import io.holdfast.authorization.domain.CancelResult;
import io.holdfast.authorization.domain.CaptureMode;
import io.holdfast.authorization.domain.DomainEvent;
import io.holdfast.authorization.domain.Money;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.ReconcilePolicy;
import io.holdfast.authorization.domain.RejectionReason;
import io.holdfast.authorization.domain.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The use cases on in-memory ports: what is called at Antom, what is stored, what is emitted. */
class AuthorizationFlowUnitTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryPaymentStore store = new InMemoryPaymentStore();
    private final ScriptedAntom antom = new ScriptedAntom();
    private final AtomicLong ids = new AtomicLong();
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final UnitOfWork direct = new UnitOfWork() {
        @Override
        public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
            return Mono.defer(work);
        }
    };
    private final ReconcilePolicy policy = new ReconcilePolicy(List.of(Duration.ofSeconds(5)), Duration.ofSeconds(30),
            Duration.ofHours(1), Duration.ofMinutes(5));

    private PaymentWorkflow workflow() {
        return new PaymentWorkflow(store, direct, antom, policy, () -> new UUID(0, ids.incrementAndGet()), clock);
    }

    private static AuthorizeCommand command(String commandId, long amount) {
        PayOrder order = new PayOrder("pr-1", new Money(amount, "USD"), CaptureMode.MANUAL,
                new PayOrder.Card("tok", false, null, false),
                new PayOrder.OrderInfo("order-1", "an order", null, null, List.of()),
                new PayOrder.Environment("WEB", null, null, null, null, null, null), "https://m.example/r", null, null);
        return new AuthorizeCommand(commandId, null, "fp-" + amount, null, order, "cfp-" + amount);
    }

    @Test
    void aRedeliveredCommandIsNotPaidTwice() {
        antom.payAnswers.add(new AuthorizationResult.Approved("ap-1", T0, null, null));
        AuthorizationService service = new AuthorizationService(workflow());

        assertThat(service.authorize(command("c-1", 100)).block()).isEqualTo(
                new CommandOutcome.Accepted(PaymentStatus.AUTHORIZED));
        assertThat(service.authorize(command("c-1", 100)).block()).isEqualTo(new CommandOutcome.Duplicate());

        assertThat(antom.calls).containsExactly("pay pr-1");
        assertThat(store.outbox).extracting(OutboundEvent::payload)
                .singleElement().isInstanceOf(DomainEvent.PaymentAuthorized.class);
    }

    @Test
    void aConflictingAuthorizeIsRejectedWithoutCallingAntom() {
        antom.payAnswers.add(new AuthorizationResult.Approved("ap-1", T0, null, null));
        AuthorizationService service = new AuthorizationService(workflow());
        service.authorize(command("c-1", 100)).block();

        CommandOutcome outcome = service.authorize(command("c-2", 200)).block();

        assertThat(outcome).isInstanceOfSatisfying(CommandOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.CONFLICTING_COMMAND));
        assertThat(antom.calls).containsExactly("pay pr-1");
        assertThat(store.outbox.get(1).payload()).isInstanceOf(DomainEvent.CommandRejected.class);
    }

    @Test
    void orderNotExistWithinTheGraceIsNoAnswerAndAfterItMeansNeverCreated() {
        antom.payAnswers.add(new AuthorizationResult.Unknown("TIMEOUT"));
        new AuthorizationService(workflow()).authorize(command("c-1", 100)).block();
        assertThat(store.payments.get("pr-1").status()).isEqualTo(PaymentStatus.AUTH_UNKNOWN);

        clock = Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC);
        antom.inquiryAnswers.add(new InquiryResult.NotFound());
        new Reconciler(workflow(), 10).runOnce().block();
        assertThat(store.payments.get("pr-1").status()).isEqualTo(PaymentStatus.AUTH_UNKNOWN);

        clock = Clock.fixed(T0.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        antom.inquiryAnswers.add(new InquiryResult.NotFound());
        new Reconciler(workflow(), 10).runOnce().block();

        assertThat(store.payments.get("pr-1").status()).isEqualTo(PaymentStatus.AUTH_DECLINED);
        assertThat(store.outbox).extracting(OutboundEvent::payload).containsExactly(new DomainEvent.PaymentDeclined(
                "ORDER_NOT_EXIST", store.payments.get("pr-1").lastResult().message(),
                AdvisedAction.RETRY_WITH_NEW_REQUEST_ID));
        assertThat(antom.calls).containsExactly("pay pr-1", "inquire pr-1", "inquire pr-1");
    }

    @Test
    void theReconcilerGivesUpByCancellingAndSaysWhy() {
        antom.payAnswers.add(new AuthorizationResult.Unknown("HTTP 503"));
        new AuthorizationService(workflow()).authorize(command("c-1", 100)).block();

        clock = Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        antom.inquiryAnswers.add(new InquiryResult.Unresolved("HTTP 503"));
        antom.cancelAnswers.add(new CancelResult.Cancelled(T0.plus(Duration.ofHours(2))));
        new Reconciler(workflow(), 10).runOnce().block();

        assertThat(store.payments.get("pr-1").status()).isEqualTo(PaymentStatus.VOIDED);
        // Antom is asked first, in the same pass; only what is still unresolved is cancelled
        assertThat(antom.calls).containsExactly("pay pr-1", "inquire pr-1", "cancel pr-1");
        assertThat(store.outbox).extracting(OutboundEvent::payload).singleElement()
                .isInstanceOfSatisfying(DomainEvent.AuthorizationCancelled.class,
                        cancelled -> assertThat(cancelled.reason()).contains("unresolved"));
    }

    @Test
    void aDuplicateNotificationIsIgnoredByTheInbox() {
        antom.payAnswers.add(new AuthorizationResult.InProcess("ap-1", "https://3ds.example", null, null));
        new AuthorizationService(workflow()).authorize(command("c-1", 100)).block();
        NotificationService notifications = new NotificationService(workflow());
        AuthorizationResult approved = new AuthorizationResult.Approved("ap-1", T0, null, null);

        notifications.onPaymentResult("n-1", "pr-1", approved).block();
        notifications.onPaymentResult("n-1", "pr-1", approved).block();

        assertThat(store.timelines.get("pr-1")).hasSize(3);
        assertThat(store.outbox).extracting(o -> o.payload().getClass().getSimpleName())
                .containsExactly("PaymentActionRequired", "PaymentAuthorized");
    }

    /**
     * The pay answer is applied to the payment as it was written before the call; when a notification moved it
     * meanwhile, the write finds a newer version and the answer is decided again on the payment as it is now.
     */
    @Test
    void aPayAnswerAfterTheNotificationAlreadyAuthorizedItChangesNothing() {
        AuthorizationResult approved = new AuthorizationResult.Approved("ap-1", T0, null, null);
        antom.payAnswers.add(approved);
        antom.whilePaying = () -> new NotificationService(workflow()).onPaymentResult("n-1", "pr-1", approved).block();

        CommandOutcome outcome = new AuthorizationService(workflow()).authorize(command("c-1", 100)).block();

        assertThat(outcome).isEqualTo(new CommandOutcome.Accepted(PaymentStatus.AUTHORIZED));
        assertThat(store.payments.get("pr-1").status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(store.timelines.get("pr-1")).extracting(Transition::to)
                .containsExactly(PaymentStatus.AUTH_REQUESTED, PaymentStatus.AUTHORIZED);
        assertThat(store.outbox).extracting(OutboundEvent::payload)
                .singleElement().isInstanceOf(DomainEvent.PaymentAuthorized.class);
    }

    /** A pay call that timed out after the notification had authorized the payment leaves it authorized, unscheduled. */
    @Test
    void anUnknownPayAnswerDoesNotUndoAnAuthorizationANotificationAlreadyReported() {
        antom.payAnswers.add(new AuthorizationResult.Unknown("TIMEOUT"));
        antom.whilePaying = () -> new NotificationService(workflow()).onPaymentResult("n-1", "pr-1",
                new AuthorizationResult.Approved("ap-1", T0, null, null)).block();

        CommandOutcome outcome = new AuthorizationService(workflow()).authorize(command("c-1", 100)).block();

        assertThat(outcome).isEqualTo(new CommandOutcome.Accepted(PaymentStatus.AUTHORIZED));
        assertThat(store.payments.get("pr-1").status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(store.timelines.get("pr-1")).hasSize(2);
        assertThat(store.outbox).extracting(OutboundEvent::payload)
                .singleElement().isInstanceOf(DomainEvent.PaymentAuthorized.class);
        assertThat(antom.calls).containsExactly("pay pr-1");
    }
}
