package io.holdfast.capture.it;

import static io.holdfast.capture.it.Scenario.ANTOM;
import static io.holdfast.capture.it.Scenario.WAIT;
import static io.holdfast.capture.it.Scenario.advance;
import static io.holdfast.capture.it.Scenario.money;
import static io.holdfast.capture.it.Scenario.refundNotification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import io.holdfast.capture.application.RefundHandler;
import io.holdfast.capture.application.RefundStore;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.RefundCommand;
import io.holdfast.capture.domain.RefundStatus;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.RefundTotals;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.RefundRequested;
import io.holdfast.schemas.event.RefundSucceeded;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.notification.AlipayNotification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Refunds end to end in capture-service (docs/adr/0001-refund-owner.md): RefundPayment commands and notifyRefund
 * records over a real Kafka broker, real PostgreSQL and the alipay-sandbox, whose clock moves with the service's.
 */
@CaptureServiceIntegrationTest
class RefundIntegrationTests {

    @Autowired
    Scenario scenario;
    @Autowired
    Recorder recorder;
    @Autowired
    ScheduleStore store;
    @Autowired
    DatabaseClient db;
    @Autowired
    RefundHandler refunds;
    @Autowired
    RefundStore refundStore;

    @Test
    void aPartialRefundThenTheRestThenNothingMoreAndTheScheduleStaysClosed() {
        TestAntom.Authorized auth = captured("partial", 2500);
        String id = auth.paymentRequestId();

        refund(auth, 1000, null);
        RefundRequested first = scenario.awaitOne(id, RefundRequested.class, 1);
        assertThat(first.getTotals()).isEqualTo(totals(2500, 0, 1000, 1500));
        String firstId = first.getRefundRequestId();
        assertThat(firstId).startsWith("ref-cmd-");
        ANTOM.sandbox.control().completePendingRefunds();
        await().atMost(WAIT).until(() -> ANTOM.refundNotifications(firstId).size() == 1);
        AlipayNotification notified = refundNotification(ANTOM.refundNotifications(firstId).get(0));
        scenario.notification(firstId, notified);
        scenario.notification(firstId, notified); // Antom's retry of the same notification
        RefundSucceeded one = scenario.awaitOne(id, RefundSucceeded.class, 1);
        assertThat(one.getRefundId()).isNotBlank();
        assertThat(one.getTotals()).isEqualTo(totals(2500, 1000, 0, 1500));

        // the rest, under the merchant's own refundRequestId; its notifyRefund is lost: the inquiry finds it
        String mine = "mine-" + UUID.randomUUID();
        refund(auth, 1500, mine);
        assertThat(scenario.awaitOne(id, RefundRequested.class, 2).getRefundRequestId()).isEqualTo(mine);
        advance(Duration.ofMinutes(2));
        RefundSucceeded rest = scenario.awaitOne(id, RefundSucceeded.class, 2);
        assertThat(rest.getRefundRequestId()).isEqualTo(mine);
        assertThat(rest.getTotals()).isEqualTo(totals(2500, 2500, 0, 0));

        PaymentCommand over = refund(auth, 1, null);
        CommandRejected rejected = scenario.awaitOne(id, CommandRejected.class, 1);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.REFUND_EXCEEDS_REFUNDABLE);
        assertThat(rejected.getCommandId()).isEqualTo(over.getCommandId());
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(id).isEmpty());
        assertThat(ANTOM.appliedRefunds(auth.paymentId())).hasSize(2);
        assertThat(recorder.events(id, RefundSucceeded.class)).hasSize(2);

        // the guardian never refunds and a refund never reopens the schedule
        advance(Duration.ofDays(8));
        assertThat(recorder.events(id, AuthorizationExpired.class)).isEmpty();
        assertThat(recorder.events(id, CaptureDeadlineApproaching.class)).isEmpty();
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(db.sql("select due_at from capture_schedule where payment_request_id = :id").bind("id", id)
                .map(r -> java.util.Optional.ofNullable(r.get("due_at", OffsetDateTime.class))).one().block())
                .isEmpty();
    }

    @Test
    void aRefundBeforeCaptureIsRefusedAndTheMerchantIsToldToCancel() {
        TestAntom.Authorized auth = authorize("early", 1200);
        PaymentCommand command = refund(auth, 1200, null);
        CommandRejected rejected = scenario.awaitOne(auth.paymentRequestId(), CommandRejected.class, 1);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_CAPTURED);
        assertThat(rejected.getAdvice()).isEqualTo("CancelPayment");
        assertThat(rejected.getCommandId()).isEqualTo(command.getCommandId());
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(auth.paymentRequestId()).isEmpty());
        assertThat(ANTOM.appliedRefunds(auth.paymentId())).isEmpty();
    }

    @Test
    void unknownRefundResultsAreResolvedByInquiryAndRefundOnce() {
        TestAntom.Authorized lost = captured("unknown", 3000);
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.REFUND, FaultKind.UNKNOWN_EXCEPTION, 1));
        refund(lost, 3000, null);
        RefundRequested lostRequested = scenario.awaitOne(lost.paymentRequestId(), RefundRequested.class, 1);
        assertThat(lostRequested.getTotals()).isEqualTo(totals(3000, 0, 3000, 0));
        assertThat(ANTOM.appliedRefunds(lost.paymentId())).as("U/UNKNOWN_EXCEPTION, not applied").isEmpty();

        TestAntom.Authorized slow = captured("timeout", 3100);
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.REFUND, FaultKind.APPLY_THEN_TIMEOUT, 1)
                .withLatency(Duration.ofSeconds(5)));
        refund(slow, 3100, null);
        String slowId = scenario.awaitOne(slow.paymentRequestId(), RefundRequested.class, 1).getRefundRequestId();
        assertThat(ANTOM.appliedRefunds(slow.paymentId())).as("applied, the answer timed out").hasSize(1);

        // the first inquiries (2 min later): Antom never saw the first refund, so it is sent again with the same id,
        // applied at once and answered REFUND_IN_PROCESS a second later (PENDING, next inquiry in 10 min); the
        // second was final on the sandbox 10 s after it was applied
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.REFUND, FaultKind.LATENCY, 1)
                .withLatency(Duration.ofSeconds(1)));
        advance(Duration.ofMinutes(2));
        // wait until the service recorded both answers, not until the sandbox applied the resend: a next inquiry is
        // due 10 min after its answer is recorded, so an answer still on its way when the clock moves 10 min is
        // recorded on the moved clock and asked about again only 10 min after that (the test waited in vain)
        await().atMost(WAIT).until(() -> status(lostRequested.getRefundRequestId()) == RefundStatus.PENDING
                && status(slowId) != RefundStatus.UNKNOWN);
        assertThat(ANTOM.appliedRefunds(lost.paymentId())).as("sent again, applied").hasSize(1);
        // the resent one is final on the sandbox 10 s after it was applied; the next inquiries (10 min later) find
        // both successful
        advance(Duration.ofMinutes(10));
        assertThat(scenario.awaitOne(lost.paymentRequestId(), RefundSucceeded.class, 1).getTotals())
                .isEqualTo(totals(3000, 3000, 0, 0));
        assertThat(scenario.awaitOne(slow.paymentRequestId(), RefundSucceeded.class, 1).getTotals())
                .isEqualTo(totals(3100, 3100, 0, 0));
        assertThat(ANTOM.appliedRefunds(lost.paymentId())).hasSize(1);
        assertThat(ANTOM.appliedRefunds(slow.paymentId())).hasSize(1);
    }

    @Test
    void twoRefundsRacingForTheLastAmountCannotBothPass() throws Exception {
        for (int round = 0; round < 4; round++) {
            TestAntom.Authorized auth = captured("race", 1000);
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<RefundHandler.Outcome>> racers = List.of(race(auth, start), race(auth, start));
            List<RefundHandler.Outcome> outcomes = racers.stream().map(CompletableFuture::join).toList();

            assertThat(outcomes).containsExactlyInAnyOrder(RefundHandler.Outcome.ACCEPTED,
                    RefundHandler.Outcome.REJECTED);
            assertThat(scenario.awaitOne(auth.paymentRequestId(), CommandRejected.class, 1).getReason())
                    .isEqualTo(RejectionReason.REFUND_EXCEEDS_REFUNDABLE);
            assertThat(position(auth.paymentRequestId())).isEqualTo(600L);
        }
    }

    @Test
    void theDatabaseRefusesMoreRefundedThanCapturedAndRefundsOfWhatIsNotCaptured() {
        TestAntom.Authorized auth = captured("db", 700);
        assertThatThrownBy(() -> db.sql("update capture_schedule set refunded_minor = 500, refund_pending_minor = 201 "
                + "where payment_request_id = :id").bind("id", auth.paymentRequestId()).fetch().rowsUpdated().block())
                .hasMessageContaining("refunds_within_captured");
        TestAntom.Authorized notCaptured = authorize("db-auth", 700);
        assertThatThrownBy(() -> db.sql("update capture_schedule set refund_pending_minor = 1 "
                + "where payment_request_id = :id").bind("id", notCaptured.paymentRequestId()).fetch().rowsUpdated()
                .block()).hasMessageContaining("refunds_only_when_captured");
    }

    private CompletableFuture<RefundHandler.Outcome> race(TestAntom.Authorized auth, CyclicBarrier start) {
        RefundCommand command = new RefundCommand("cmd-" + UUID.randomUUID(), auth.paymentRequestId(), null,
                new io.holdfast.capture.domain.Money(600, "USD"), null, null, UUID.randomUUID().toString());
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return refunds.refund(command, null).block(WAIT);
        });
    }

    private RefundStatus status(String refundRequestId) {
        return refundStore.find(refundRequestId).block().status();
    }

    private long position(String paymentRequestId) {
        return db.sql("select refunded_minor + refund_pending_minor as taken from capture_schedule "
                + "where payment_request_id = :id").bind("id", paymentRequestId)
                .map(r -> r.get("taken", Long.class)).one().block();
    }

    private TestAntom.Authorized authorize(String prefix, long value) {
        return scenario.authorize(prefix, value, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, true);
    }

    private TestAntom.Authorized captured(String prefix, long value) {
        TestAntom.Authorized auth = authorize(prefix, value);
        scenario.capture(auth, null);
        scenario.awaitOne(auth.paymentRequestId(), CaptureSucceeded.class, 1);
        return auth;
    }

    private PaymentCommand refund(TestAntom.Authorized auth, long value, String refundRequestId) {
        return scenario.command(auth.paymentRequestId(), null,
                new RefundPayment(refundRequestId, money(value), "returned", null));
    }

    private static RefundTotals totals(long captured, long refunded, long pending, long refundable) {
        return new RefundTotals(money(captured), money(refunded), money(pending), money(refundable));
    }
}
