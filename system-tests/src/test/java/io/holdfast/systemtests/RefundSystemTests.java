package io.holdfast.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.common.RefundTotals;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.RefundRequested;
import io.holdfast.schemas.event.RefundSucceeded;
import io.holdfast.schemas.event.RejectionReason;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds end to end through Kafka (docs/adr/0001-refund-owner.md): RefundPayment commands on payments.commands,
 * RefundRequested / RefundSucceeded / CommandRejected on payments.events, Antom's asynchronous card refunds at the
 * sandbox process (finished on demand with its control API), notifyRefund through notification-ingest. One class,
 * on the stack the other system tests already run.
 */
class RefundSystemTests {

    private Merchant merchant;

    @BeforeEach
    void stack() {
        merchant = TestStack.requireAll().merchant();
    }

    @Test
    void full_partial_and_multiple_refunds_add_up_to_the_captured_amount() throws Exception {
        String full = captured("refund-full", 4200);
        String partial = captured("refund-partial", 4200);

        merchant.send(refund(full, 4200));
        merchant.send(refund(partial, 1000));
        merchant.send(refund(partial, 1200));
        merchant.await(full, RefundRequested.class);
        assertThat(merchant.awaitNth(partial, RefundRequested.class, 2).getTotals())
                .isEqualTo(totals(4200, 0, 2200, 2000));
        merchant.sandbox().completeRefunds();

        assertThat(merchant.await(full, RefundSucceeded.class).getTotals()).isEqualTo(totals(4200, 4200, 0, 0));
        merchant.awaitNth(partial, RefundSucceeded.class, 2);
        assertThat(merchant.events(partial).stream().map(e -> e.getPayload())
                .filter(RefundSucceeded.class::isInstance).map(p -> ((RefundSucceeded) p).getTotals().getRefunded()
                        .getValueMinor())).containsExactlyInAnyOrder(1000L, 2200L);
        assertThat(merchant.eventTypes(partial)).doesNotContain("RefundFailed", "CommandRejected");
    }

    @Test
    void a_refund_over_the_refundable_amount_is_refused() throws Exception {
        String id = captured("refund-over", 1000);
        merchant.send(refund(id, 700));
        merchant.await(id, RefundRequested.class);
        PaymentCommand over = refund(id, 301);
        merchant.send(over);

        CommandRejected rejected = merchant.await(id, CommandRejected.class);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.REFUND_EXCEEDS_REFUNDABLE);
        assertThat(rejected.getCommandId()).isEqualTo(over.getCommandId());
        merchant.sandbox().completeRefunds();
        assertThat(merchant.await(id, RefundSucceeded.class).getTotals()).isEqualTo(totals(1000, 700, 0, 300));
    }

    @Test
    void a_refund_before_capture_is_refused_with_advice_to_cancel() throws Exception {
        String id = Merchant.paymentRequestId("refund-early");
        merchant.send(merchant.commands().authorize(id, new Money(900L, "USD"), CaptureMode.MANUAL, merchant.card(),
                "ORD-" + id, DeadlinePolicy.VOID));
        merchant.await(id, PaymentAuthorized.class);
        merchant.send(refund(id, 900));

        CommandRejected rejected = merchant.await(id, CommandRejected.class);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_CAPTURED);
        assertThat(rejected.getAdvice()).isEqualTo("CancelPayment");
    }

    @Test
    void two_refunds_racing_for_the_last_amount_cannot_both_pass() throws Exception {
        String id = captured("refund-race", 1000);
        merchant.send(refund(id, 600));
        merchant.send(refund(id, 600));

        assertThat(merchant.await(id, CommandRejected.class).getReason())
                .isEqualTo(RejectionReason.REFUND_EXCEEDS_REFUNDABLE);
        assertThat(merchant.await(id, RefundRequested.class).getTotals()).isEqualTo(totals(1000, 0, 600, 400));
        merchant.sandbox().completeRefunds();
        assertThat(merchant.await(id, RefundSucceeded.class).getTotals()).isEqualTo(totals(1000, 600, 0, 400));
    }

    @Test
    void an_unknown_refund_is_resolved_by_inquiry_and_sent_once() throws Exception {
        String id = captured("refund-unknown", 2500);
        merchant.sandbox().injectFault("refund", "UNKNOWN_EXCEPTION", 1, false);
        merchant.send(refund(id, 2500));
        assertThat(merchant.await(id, RefundRequested.class).getTotals()).isEqualTo(totals(2500, 0, 2500, 0));

        // the first inquiry (2 min later on the clock Holdfast follows): Antom has no such refund, so it is sent again
        merchant.sandbox().advanceClock(Duration.ofMinutes(2).plusSeconds(1));
        org.awaitility.Awaitility.await().atMost(Merchant.FLOW_STEP).until(() -> appliedRefunds(id) == 1);
        merchant.sandbox().completeRefunds();

        assertThat(merchant.await(id, RefundSucceeded.class).getTotals()).isEqualTo(totals(2500, 2500, 0, 0));
        assertThat(appliedRefunds(id)).isEqualTo(1);
    }

    @Test
    void a_lost_notify_refund_is_found_by_inquiry() throws Exception {
        String id = captured("refund-lost", 1800);
        merchant.send(refund(id, 1800));
        merchant.await(id, RefundRequested.class);
        merchant.sandbox().dropNextNotifications(1);
        merchant.sandbox().completeRefunds();

        merchant.sandbox().advanceClock(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(merchant.await(id, RefundSucceeded.class).getTotals()).isEqualTo(totals(1800, 1800, 0, 0));
    }

    private String captured(String flow, long value) throws Exception {
        String id = Merchant.paymentRequestId(flow);
        Money amount = new Money(value, "USD");
        merchant.send(merchant.commands().authorize(id, amount, CaptureMode.MANUAL, merchant.card(), "ORD-" + id,
                DeadlinePolicy.VOID));
        merchant.await(id, PaymentAuthorized.class);
        merchant.send(merchant.commands().capture(id, amount));
        merchant.await(id, CaptureSucceeded.class);
        return id;
    }

    private PaymentCommand refund(String id, long value) {
        return merchant.commands().refund(id, new Money(value, "USD"), "system test");
    }

    /** Refunds the sandbox applied for the payment (replays and refusals excluded). */
    private long appliedRefunds(String paymentRequestId) {
        return StreamSupport.stream(merchant.sandbox().ledger().spliterator(), false)
                .filter(e -> "REFUND".equals(e.path("operation").asString())
                        && paymentRequestId.equals(e.path("paymentRequestId").asString(null))
                        && !e.path("replay").asBoolean() && !"F".equals(e.path("result").path("resultStatus").asString()))
                .count();
    }

    private static RefundTotals totals(long captured, long refunded, long pending, long refundable) {
        return new RefundTotals(usd(captured), usd(refunded), usd(pending), usd(refundable));
    }

    private static Money usd(long value) {
        return new Money(value, "USD");
    }
}
