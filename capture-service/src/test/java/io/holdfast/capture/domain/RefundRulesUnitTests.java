package io.holdfast.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RefundRules and RefundOutcomes without Spring: every decision, and the position's arithmetic. */
class RefundRulesUnitTests {

    private static final Instant NOW = Instant.parse("2026-01-06T10:00:00Z");
    private static final Money CAPTURED = new Money(1999, "USD");
    private final RefundOutcomes outcomes = new RefundOutcomes(RefundOutcomes.DEFAULT_BACKOFF);

    private static Authorization payment(CaptureStatus status) {
        Instant at = Authorizations.AUTHORIZED_AT;
        boolean captured = status == CaptureStatus.CAPTURED;
        return new Authorization("pr-1", "ap-1", "m-1", CAPTURED, CaptureMode.MANUAL, at, Authorizations.DEADLINE,
                DeadlinePolicy.EXPIRE, status, null, captured ? "cap-pr-1" : null, captured ? at : null,
                captured ? "capture-9" : null, captured ? at : null, null, null, false, Attempts.NONE, 1);
    }

    private static RefundCommand command(long value, String refundRequestId) {
        return new RefundCommand("cmd-1", "pr-1", refundRequestId, new Money(value, "USD"), "returned", null, "fp");
    }

    private static RefundRules.Decision decide(Authorization payment, RefundTotals totals, long value) {
        return RefundRules.decide(payment, totals, null, command(value, null), "m-1", NOW, NOW);
    }

    private static RefundEvent.Rejected rejected(RefundRules.Decision decision) {
        assertThat(decision).isInstanceOf(RefundRules.Decision.Reject.class);
        return ((RefundRules.Decision.Reject) decision).event();
    }

    @Test
    void aRefundOfACapturedPaymentReservesItsAmountAndNamesTheCapture() {
        RefundRules.Decision decision = decide(payment(CaptureStatus.CAPTURED), new RefundTotals(CAPTURED, 0, 0), 500);

        assertThat(decision).isInstanceOfSatisfying(RefundRules.Decision.Accept.class, accept -> {
            assertThat(accept.totals().pendingMinor()).isEqualTo(500);
            assertThat(accept.totals().refundableMinor()).isEqualTo(1499);
            assertThat(accept.attempt().status()).isEqualTo(RefundStatus.REQUESTED);
            assertThat(accept.attempt().refundRequestId()).isEqualTo("ref-cmd-1");
            assertThat(accept.attempt().captureId()).isEqualTo("capture-9");
        });
    }

    @Test
    void beforeCaptureTheMerchantIsSteeredToACancel() {
        for (CaptureStatus status : List.of(CaptureStatus.AUTHORIZED, CaptureStatus.CAPTURE_SCHEDULED)) {
            RefundEvent.Rejected rejected = rejected(decide(payment(status), new RefundTotals(CAPTURED, 0, 0), 1));
            assertThat(rejected.reason()).isEqualTo(RejectionReason.NOT_CAPTURED);
            assertThat(rejected.advice()).isEqualTo("CancelPayment");
        }
        for (CaptureStatus status : List.of(CaptureStatus.CAPTURE_PENDING, CaptureStatus.VOIDED,
                CaptureStatus.EXPIRED, CaptureStatus.CAPTURE_FAILED, CaptureStatus.AWAITING_AUTO_CAPTURE)) {
            RefundEvent.Rejected rejected = rejected(decide(payment(status), new RefundTotals(CAPTURED, 0, 0), 1));
            assertThat(rejected.reason()).isEqualTo(RejectionReason.NOT_CAPTURED);
            assertThat(rejected.advice()).isNull();
        }
    }

    @Test
    void neverMoreThanTheRefundableAmount() {
        RefundTotals position = new RefundTotals(CAPTURED, 1000, 500);
        assertThat(rejected(decide(payment(CaptureStatus.CAPTURED), position, 500)).reason())
                .isEqualTo(RejectionReason.REFUND_EXCEEDS_REFUNDABLE);
        assertThat(decide(payment(CaptureStatus.CAPTURED), position, 499))
                .isInstanceOf(RefundRules.Decision.Accept.class);
    }

    @Test
    void unknownForeignCurrencyAndCaptureAreRefused() {
        assertThat(rejected(decide(null, null, 1))).satisfies(unknown -> {
            assertThat(unknown.reason()).isEqualTo(RejectionReason.NOT_CAPTURED);
            assertThat(unknown.advice()).isEqualTo("CancelPayment");
        });
        assertThat(rejected(RefundRules.decide(payment(CaptureStatus.CAPTURED), new RefundTotals(CAPTURED, 0, 0),
                null, command(1, null), "m-2", NOW, NOW)).reason()).isEqualTo(RejectionReason.NOT_PAYMENT_OWNER);
        RefundCommand euros = new RefundCommand("cmd-2", "pr-1", null, new Money(1, "EUR"), null, null, "fp");
        assertThat(rejected(RefundRules.decide(payment(CaptureStatus.CAPTURED), new RefundTotals(CAPTURED, 0, 0),
                null, euros, "m-1", NOW, NOW)).reason()).isEqualTo(RejectionReason.CURRENCY_MISMATCH);
        RefundCommand otherCapture = new RefundCommand("cmd-3", "pr-1", null, new Money(1, "USD"), null, "nope", "fp");
        assertThat(rejected(RefundRules.decide(payment(CaptureStatus.CAPTURED), new RefundTotals(CAPTURED, 0, 0),
                null, otherCapture, "m-1", NOW, NOW)).field()).isEqualTo("payload.captureId");
    }

    @Test
    void aReusedRefundRequestIdIsTheSameRefundOrAConflict() {
        RefundRules.Decision.Accept first = (RefundRules.Decision.Accept) RefundRules.decide(
                payment(CaptureStatus.CAPTURED), new RefundTotals(CAPTURED, 0, 0), null, command(500, "r-1"), "m-1",
                NOW, NOW);
        assertThat(RefundRules.decide(payment(CaptureStatus.CAPTURED), first.totals(), first.attempt(),
                command(500, "r-1"), "m-1", NOW, NOW)).isInstanceOf(RefundRules.Decision.AlreadyRequested.class);
        assertThat(rejected(RefundRules.decide(payment(CaptureStatus.CAPTURED), first.totals(), first.attempt(),
                command(501, "r-1"), "m-1", NOW, NOW)).reason()).isEqualTo(RejectionReason.CONFLICTING_COMMAND);
    }

    @Test
    void derivedRefundRequestIdsAreDeterministicAndFitAntom() {
        assertThat(RefundRules.refundRequestIdFor("c-1")).isEqualTo("ref-c-1");
        String long64 = "x".repeat(61);
        assertThat(RefundRules.refundRequestIdFor(long64)).startsWith("refh-").hasSize(64)
                .isEqualTo(RefundRules.refundRequestIdFor(long64));
        assertThat(RefundRules.refundRequestIdFor("y".repeat(60))).hasSize(64);
        assertThat(RefundRules.refundRequestIdFor("é".repeat(128))).hasSize(64);
    }

    @Test
    void outcomesSettleOrReleaseOnceAndPublishRequestedOnce() {
        RefundRules.Decision.Accept accept = (RefundRules.Decision.Accept) decide(payment(CaptureStatus.CAPTURED),
                new RefundTotals(CAPTURED, 0, 0), 500);

        RefundOutcomes.Transition inProcess = outcomes.apply(accept.attempt(), accept.totals(),
                new RefundResult.InProcess(null), NOW);
        assertThat(inProcess.events()).singleElement().isInstanceOf(RefundEvent.Requested.class);
        assertThat(inProcess.attempt().dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        RefundOutcomes.Transition stillInProcess = outcomes.apply(inProcess.attempt(), inProcess.totals(),
                new RefundResult.InProcess("R9"), NOW);
        assertThat(stillInProcess.events()).isEmpty();
        assertThat(stillInProcess.attempt().dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));

        RefundOutcomes.Transition succeeded = outcomes.apply(stillInProcess.attempt(), stillInProcess.totals(),
                new RefundResult.Succeeded("R9", NOW), NOW);
        assertThat(succeeded.totals()).isEqualTo(new RefundTotals(CAPTURED, 500, 0));
        assertThat(succeeded.attempt().dueAt()).isNull();
        assertThat(outcomes.apply(succeeded.attempt(), succeeded.totals(), new RefundResult.Failed("X", null,
                RefundAdvice.DO_NOT_RETRY), NOW).changed()).isFalse();

        RefundOutcomes.Transition failed = outcomes.apply(accept.attempt(), accept.totals(),
                new RefundResult.Failed("REFUND_WINDOW_EXCEED", "late", RefundAdvice.CONTACT_SUPPORT), NOW);
        assertThat(failed.totals()).isEqualTo(new RefundTotals(CAPTURED, 0, 0));
        assertThat(failed.events()).singleElement().isInstanceOf(RefundEvent.Failed.class);
    }

    @Test
    void anUnknownAnswerIsPendingMoneyAndAsksAgainOnTheBackoff() {
        RefundRules.Decision.Accept accept = (RefundRules.Decision.Accept) decide(payment(CaptureStatus.CAPTURED),
                new RefundTotals(CAPTURED, 0, 0), 500);
        RefundOutcomes.Transition unknown = outcomes.apply(accept.attempt(), accept.totals(),
                new RefundResult.Unknown("timeout"), NOW);
        assertThat(unknown.attempt().status()).isEqualTo(RefundStatus.UNKNOWN);
        assertThat(unknown.totals().pendingMinor()).isEqualTo(500);
        assertThat(unknown.events()).singleElement().isInstanceOf(RefundEvent.Requested.class);
        RefundAttempt later = unknown.attempt();
        for (Duration expected : List.of(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1),
                Duration.ofHours(1))) {
            later = outcomes.apply(later, unknown.totals(), new RefundResult.Unknown("again"), NOW).attempt();
            assertThat(later.dueAt()).isEqualTo(NOW.plus(expected));
        }
    }
}
