package io.holdfast.view.domain;

import static io.holdfast.view.domain.Timelines.T0;
import static io.holdfast.view.domain.Timelines.authorized;
import static io.holdfast.view.domain.Timelines.captured;
import static io.holdfast.view.domain.Timelines.event;
import static io.holdfast.view.domain.Timelines.refunded;
import static io.holdfast.view.domain.Timelines.warning;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionUnitTests {

    static final Instant DEADLINE = T0.plus(Duration.ofDays(7));

    @Test
    void anAuthorizationIsAnOpenManualPaymentWithItsDeadlinePolicyAndMaskedCard() {
        PaymentView v = Projection.fold(List.of(authorized("e1", "p1", T0, DEADLINE)));

        assertThat(v.status()).isEqualTo(ViewStatus.AUTHORIZED);
        assertThat(v.amount()).isEqualTo(new Money(1250, "USD"));
        assertThat(v.captureMode()).isEqualTo("MANUAL");
        assertThat(v.deadline()).isEqualTo(new PaymentView.Deadline(DEADLINE, "CAPTURE", 0));
        assertThat(v.card()).isEqualTo(new CardSummary("405469******0768", "VISA"));
        assertThat(v.ids()).isEqualTo(new PaymentView.Ids("p1", "pay-p1", "acme"));
    }

    @Test
    void aFullCardNumberIsNeverKeptAsTheCardSummary() {
        assertThat(CardSummary.of("4054695723100768", "VISA").maskedCardNo()).isNull();
        assertThat(CardSummary.of("405469******0768", "VISA").maskedCardNo()).isEqualTo("405469******0768");
    }

    @Test
    void redeliveredAndDuplicatedEventsChangeNothing() {
        List<TimelineEntry> once = List.of(authorized("e1", "p1", T0, DEADLINE),
                warning("e2", "p1", T0.plus(Duration.ofDays(5)), DEADLINE),
                captured("e3", "p1", T0.plus(Duration.ofDays(6))));
        List<TimelineEntry> twice = new ArrayList<>(once);
        twice.addAll(once);
        twice.add(warning("e2", "p1", T0.plus(Duration.ofDays(5)), DEADLINE));

        assertThat(Projection.fold(twice)).isEqualTo(Projection.fold(once));
        assertThat(Projection.fold(twice).deadline().warningsSent()).isEqualTo(1);
        assertThat(Projection.ordered(twice)).hasSize(3);
    }

    @Test
    void everyArrivalOrderFoldsToTheSameRow() {
        List<TimelineEntry> timeline = List.of(authorized("e1", "p1", T0, DEADLINE),
                warning("e2", "p1", T0.plus(Duration.ofDays(5)), DEADLINE),
                warning("e3", "p1", T0.plus(Duration.ofDays(6)), DEADLINE),
                captured("e4", "p1", T0.plus(Duration.ofDays(6).plusHours(1))),
                refunded("e5", "p1", T0.plus(Duration.ofDays(8)), 250));
        PaymentView expected = Projection.fold(timeline);
        assertThat(expected.status()).isEqualTo(ViewStatus.PARTIALLY_REFUNDED);
        assertThat(expected.refunds()).isEqualTo(new RefundTotals(1250, 250, 0, 1000));
        assertThat(expected.deadline().warningsSent()).isEqualTo(2);

        Random random = new Random(20261205);
        for (int i = 0; i < 50; i++) {
            List<TimelineEntry> shuffled = new ArrayList<>(timeline);
            Collections.shuffle(shuffled, random);
            assertThat(Projection.fold(shuffled)).as("arrival order %s", shuffled.stream()
                    .map(TimelineEntry::eventId).toList()).isEqualTo(expected);
        }
    }

    @Test
    void aCaptureThatArrivesBeforeItsAuthorizationStillEndsCaptured() {
        PaymentView v = Projection.fold(List.of(captured("e2", "p1", T0.plusSeconds(60)),
                authorized("e1", "p1", T0, DEADLINE)));

        assertThat(v.status()).isEqualTo(ViewStatus.CAPTURED);
        assertThat(v.times()).isEqualTo(new PaymentView.Times(T0, T0.plusSeconds(60)));
    }

    @Test
    void anEventOfAnUnknownTypeIsKeptInTheTimelineAndDoesNotBreakTheRow() {
        TimelineEntry unknown = event("e9", "p1", T0.plusSeconds(30), "FraudReviewOpened",
                Map.of("paymentId", "pay-p1", "score", 87));
        List<TimelineEntry> timeline = List.of(authorized("e1", "p1", T0, DEADLINE), unknown);

        PaymentView v = Projection.fold(timeline);

        assertThat(unknown.fact().kind()).isEqualTo(Fact.Kind.UNKNOWN);
        assertThat(v.status()).isEqualTo(ViewStatus.AUTHORIZED);
        assertThat(v.amount()).isEqualTo(new Money(1250, "USD"));
        assertThat(Projection.ordered(timeline)).extracting(TimelineEntry::type)
                .containsExactly("PaymentAuthorized", "FraudReviewOpened");
    }

    @Test
    void aCorrectingCaptureSucceededAfterCaptureFailedEndsCaptured() {
        TimelineEntry failed = event("e2", "p1", T0.plusSeconds(10), "CaptureFailed", Map.of("paymentId", "pay-p1",
                "amount", Timelines.money(1250), "resultCode", "PROCESS_FAIL"));
        PaymentView v = Projection.fold(List.of(authorized("e1", "p1", T0, DEADLINE), failed,
                captured("e3", "p1", T0.plusSeconds(20))));

        assertThat(v.status()).isEqualTo(ViewStatus.CAPTURED);
    }

    @Test
    void aPolicyChangeMovesThePolicyAndAFullRefundEndsRefunded() {
        TimelineEntry changed = event("e2", "p1", T0.plusSeconds(10), "DeadlinePolicyChanged", Map.of("paymentId",
                "pay-p1", "previousPolicy", "CAPTURE", "policy", "VOID", "deadline", DEADLINE.toString(),
                "changedBy", "olivia"));
        assertThat(Projection.fold(List.of(authorized("e1", "p1", T0, DEADLINE), changed)).deadline().policy())
                .isEqualTo("VOID");

        PaymentView refunded = Projection.fold(List.of(authorized("e1", "p1", T0, DEADLINE),
                captured("e3", "p1", T0.plusSeconds(20)), refunded("e4", "p1", T0.plusSeconds(30), 1250)));
        assertThat(refunded.status()).isEqualTo(ViewStatus.REFUNDED);
    }

    @Test
    void aRejectionAddressedToAnotherMerchantDoesNotTakeThePayment() {
        TimelineEntry rejected = new TimelineEntry(new TimelineEntry.Envelope("e2", "p1", null, "globex",
                T0.plusSeconds(5), "cmd-1"), "CommandRejected", "{}", Facts.of("CommandRejected",
                Map.of("reason", "NOT_PAYMENT_OWNER", "message", "not yours")));

        PaymentView v = Projection.fold(List.of(authorized("e1", "p1", T0, DEADLINE), rejected));

        assertThat(v.ids().merchantId()).isEqualTo("acme");
        assertThat(v.status()).isEqualTo(ViewStatus.AUTHORIZED);
    }

    @Test
    void theBoardSortsByDeadlineAndTotalsMoneyAtRiskPerCurrencyAndBucket() {
        Instant now = T0.plus(Duration.ofDays(6));
        PaymentView in3h = Projection.fold(List.of(authorized("a", "a", T0, now.plus(Duration.ofHours(3)))));
        PaymentView in20h = Projection.fold(List.of(authorized("b", "b", T0, now.plus(Duration.ofHours(20)))));
        PaymentView in40h = Projection.fold(List.of(authorized("c", "c", T0, now.plus(Duration.ofHours(40)))));
        PaymentView done = Projection.fold(List.of(authorized("d", "d", T0, now.plusSeconds(60)),
                captured("d2", "d", T0.plusSeconds(1))));

        DeadlineBoard board = DeadlineBoard.of(now, List.of(in40h, done, in20h, in3h));

        assertThat(board.rows()).containsExactly(in3h, in20h, in40h);
        assertThat(board.atRisk()).containsEntry("USD", new DeadlineBoard.Buckets(1250, 2500, 3750));
    }

    @Test
    void theTransitionTableNeverLeavesATerminalStatusExceptForAntomsCaptureTruth() {
        assertThat(ViewTransitions.next(ViewStatus.DECLINED, Trigger.AUTHORIZED)).isEmpty();
        assertThat(ViewTransitions.next(ViewStatus.CANCELLED, Trigger.CAPTURED)).isEmpty();
        assertThat(ViewTransitions.next(ViewStatus.EXPIRED, Trigger.CAPTURED)).contains(ViewStatus.CAPTURED);
        assertThat(ViewTransitions.table().get(ViewStatus.REFUNDED)).isNull();
    }
}
