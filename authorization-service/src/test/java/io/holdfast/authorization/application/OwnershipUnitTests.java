package io.holdfast.authorization.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.authorization.domain.AuthorizationResult;
import io.holdfast.authorization.domain.CancelInitiator;
import io.holdfast.authorization.domain.CancelResult;
import io.holdfast.authorization.domain.CaptureMode;
import io.holdfast.authorization.domain.DomainEvent;
import io.holdfast.authorization.domain.Money;
import io.holdfast.authorization.domain.PaymentStatus;
import io.holdfast.authorization.domain.ReconcilePolicy;
import io.holdfast.authorization.domain.RejectionReason;
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

/** Only the merchant that created a payment may act on it: merchantId equality, null only equal to null. */
class OwnershipUnitTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryPaymentStore store = new InMemoryPaymentStore();
    private final ScriptedAntom antom = new ScriptedAntom();
    private final AtomicLong ids = new AtomicLong();
    private final UnitOfWork direct = new UnitOfWork() {
        @Override
        public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
            return Mono.defer(work);
        }
    };
    private final AuthorizationService service = new AuthorizationService(new PaymentWorkflow(store, direct, antom,
            new ReconcilePolicy(List.of(Duration.ofSeconds(5)), Duration.ofSeconds(30), Duration.ofHours(1),
                    Duration.ofMinutes(5)),
            () -> new UUID(0, ids.incrementAndGet()), Clock.fixed(T0, ZoneOffset.UTC)));

    private static AuthorizeCommand authorize(String commandId, String merchantId) {
        PayOrder order = new PayOrder("pr-1", new Money(100, "USD"), CaptureMode.MANUAL,
                new PayOrder.Card("tok", false, null, false),
                new PayOrder.OrderInfo("order-1", "an order", null, null, List.of()),
                new PayOrder.Environment("WEB", null, null, null, null, null, null), "https://m.example/r", null, null);
        return new AuthorizeCommand(commandId, merchantId, "fp-" + merchantId, null, order, "cfp-" + commandId);
    }

    private static CancelCommand cancel(String commandId, String merchantId) {
        return new CancelCommand(commandId, "pr-1", merchantId, CancelInitiator.MERCHANT, "changed my mind",
                "cfp-" + commandId);
    }

    private void authorizedFor(String merchantId) {
        antom.payAnswers.add(new AuthorizationResult.Approved("ap-1", T0, null, null));
        assertThat(service.authorize(authorize("c-auth", merchantId)).block())
                .isEqualTo(new CommandOutcome.Accepted(PaymentStatus.AUTHORIZED));
    }

    @Test
    void aCancelFromAnotherMerchantIsRejectedAndNeverSent() {
        authorizedFor("acme");

        CommandOutcome outcome = service.cancel(cancel("c-cancel", "globex")).block();

        assertNotOwner(outcome);
        assertThat(antom.calls).containsExactly("pay pr-1");
        assertThat(store.payments.get("pr-1").status()).isEqualTo(PaymentStatus.AUTHORIZED);
        OutboundEvent rejected = store.outbox.get(store.outbox.size() - 1);
        assertThat(rejected.merchantId()).as("the rejection is addressed to the sender").isEqualTo("globex");
        assertThat(rejected.paymentId()).as("nothing of the owner's payment is revealed").isNull();
        assertThat(rejected.payload()).isInstanceOfSatisfying(DomainEvent.CommandRejected.class, event -> {
            assertThat(event.reason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
            assertThat(event.commandId()).isEqualTo("c-cancel");
            assertThat(event.message()).doesNotContain("acme");
        });
    }

    @Test
    void aCancelWithoutMerchantIdDoesNotOwnAPaymentThatHasOne() {
        authorizedFor("acme");

        assertNotOwner(service.cancel(cancel("c-cancel", null)).block());
        assertThat(antom.calls).containsExactly("pay pr-1");
    }

    @Test
    void aCancelWithMerchantIdDoesNotOwnAPaymentWithoutOne() {
        authorizedFor(null);

        assertNotOwner(service.cancel(cancel("c-cancel", "acme")).block());
        assertThat(antom.calls).containsExactly("pay pr-1");
    }

    @Test
    void inASingleMerchantDeploymentNoMerchantIdOwnsAPaymentWithoutOne() {
        authorizedFor(null);
        antom.cancelAnswers.add(new CancelResult.Cancelled(T0));

        assertThat(service.cancel(cancel("c-cancel", null)).block())
                .isEqualTo(new CommandOutcome.Accepted(PaymentStatus.VOIDED));
    }

    @Test
    void theOwnersCancelIsSent() {
        authorizedFor("acme");
        antom.cancelAnswers.add(new CancelResult.Cancelled(T0));

        assertThat(service.cancel(cancel("c-cancel", "acme")).block())
                .isEqualTo(new CommandOutcome.Accepted(PaymentStatus.VOIDED));
        assertThat(antom.calls).containsExactly("pay pr-1", "cancel pr-1");
    }

    @Test
    void anAuthorizeReusingAnotherMerchantsPaymentRequestIdIsRejectedAsNotOwner() {
        authorizedFor("acme");

        CommandOutcome outcome = service.authorize(authorize("c-auth-2", "globex")).block();

        assertNotOwner(outcome);
        assertThat(antom.calls).containsExactly("pay pr-1");
        assertThat(store.payments.get("pr-1").merchantId()).isEqualTo("acme");
    }

    private static void assertNotOwner(CommandOutcome outcome) {
        assertThat(outcome).isInstanceOfSatisfying(CommandOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
            assertThat(rejected.field()).isEqualTo("merchantId");
        });
    }
}
