package io.holdfast.capture.domain;

import static io.holdfast.capture.domain.Authorizations.AUTHORIZED_AT;
import static io.holdfast.capture.domain.Authorizations.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardianUnitTests {

    private final GuardianSettings settings = GuardianSettings.defaults();
    private final Guardian guardian = new Guardian(settings);
    private final Schedule schedule = new Schedule(settings);

    @Test
    void deadlineIsAuthExpiryTimeElseAuthorizationPlusFallback() {
        Instant expiry = AUTHORIZED_AT.plus(Duration.ofDays(6));
        assertThat(schedule.deadline(AUTHORIZED_AT, expiry)).isEqualTo(expiry);
        assertThat(schedule.deadline(AUTHORIZED_AT, null)).isEqualTo(AUTHORIZED_AT.plus(Duration.ofDays(7)));
    }

    @Test
    void manualRowIsFirstDueAtTheFirstWarningAndPolicyActsAtDeadlineMinusMargin() {
        Authorization a = guardian.onAuthorized(Authorizations.manual(null));
        assertThat(a.status()).isEqualTo(CaptureStatus.AUTHORIZED);
        assertThat(a.policy()).isEqualTo(DeadlinePolicy.CAPTURE);
        assertThat(a.nextActionAt()).isEqualTo(DEADLINE.minus(Duration.ofHours(12)));
        assertThat(schedule.dueAt(a)).isEqualTo(DEADLINE.minus(Duration.ofHours(48)));
    }

    @Test
    void expirePolicyActsAtTheDeadlineItself() {
        Authorization a = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.EXPIRE));
        assertThat(a.nextActionAt()).isEqualTo(DEADLINE);
    }

    @Test
    void eachWarningIsEmittedOnceWhileTimeMovesForward() {
        Authorization a = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.EXPIRE));
        List<Duration> offsets = new ArrayList<>();
        for (Instant now = AUTHORIZED_AT; now.isBefore(DEADLINE.minus(Duration.ofHours(1)));
                now = now.plus(Duration.ofHours(1))) {
            if (!schedule.dueAt(a).isAfter(now)) {
                Transition t = guardian.onDue(a, now).transition();
                t.events().forEach(e -> offsets.add(((CaptureEvent.DeadlineApproaching) e).offset()));
                a = t.next();
            }
        }
        assertThat(offsets).containsExactly(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(6));
        assertThat(schedule.dueAt(a)).isEqualTo(DEADLINE);
    }

    @Test
    void aJumpPastSeveralWarningsEmitsEachOnceInOrder() {
        Authorization a = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.EXPIRE));
        Transition t = guardian.onDue(a, DEADLINE.minus(Duration.ofHours(7))).transition();
        assertThat(t.events()).hasSize(2);
        Transition again = guardian.onDue(t.next(), DEADLINE.minus(Duration.ofHours(7))).transition();
        assertThat(again.events()).isEmpty();
    }

    @Test
    void capturePolicySendsTheFullAmountAtDeadlineMinusMargin() {
        Authorization a = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.CAPTURE)).warned(
                Duration.ofHours(6));
        Decision d = guardian.onDue(a, DEADLINE.minus(Duration.ofHours(12)));
        assertThat(d.then()).isEqualTo(NextStep.SEND_CAPTURE);
        assertThat(d.transition().next().status()).isEqualTo(CaptureStatus.CAPTURE_REQUESTED);
        assertThat(d.transition().next().captureRequestId()).isEqualTo("cap-pr-1");
        assertThat(d.transition().events()).singleElement().isInstanceOf(CaptureEvent.CaptureScheduled.class);
    }

    @Test
    void voidPolicyRequestsACancelWithADeterministicCommandId() {
        Authorization a = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.VOID)).warned(
                Duration.ofHours(6));
        Decision d = guardian.onDue(a, DEADLINE.minus(Duration.ofHours(12)));
        assertThat(d.then()).isEqualTo(NextStep.NONE);
        assertThat(d.transition().next().status()).isEqualTo(CaptureStatus.VOID_REQUESTED);
        assertThat(d.transition().events()).singleElement().isEqualTo(
                new CaptureEvent.VoidRequested("pr-1", "void-pr-1", "capture deadline " + DEADLINE
                        + " near: VOID policy"));
    }

    @Test
    void expirePolicyReportsExpiryAtTheDeadlineWithoutAMiss() {
        Authorization a = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.EXPIRE));
        Transition t = guardian.onDue(a, DEADLINE).transition();
        assertThat(t.next().status()).isEqualTo(CaptureStatus.EXPIRED);
        assertThat(t.next().deadlineMissed()).isFalse();
        assertThat(t.events()).singleElement().isInstanceOf(CaptureEvent.AuthorizationExpired.class);
        assertThat(schedule.dueAt(t.next())).isNull();
    }

    @Test
    void noCaptureIsSentAtOrAfterTheDeadline() {
        Authorization a = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.CAPTURE));
        Decision late = guardian.onDue(a, DEADLINE.plusSeconds(1));
        assertThat(late.then()).isEqualTo(NextStep.NONE);
        assertThat(late.transition().next().status()).isEqualTo(CaptureStatus.EXPIRED);
        assertThat(late.transition().next().deadlineMissed()).isTrue();

        Authorization scheduled = a.scheduledAt(DEADLINE.minus(Duration.ofDays(1)));
        assertThat(guardian.onDue(scheduled, DEADLINE).then()).isEqualTo(NextStep.NONE);
        // the last send is before deadline - (request timeout 8 s + clock-skew allowance 2 min)
        assertThat(guardian.mayStillCapture(scheduled, DEADLINE.minusSeconds(128).minusMillis(1))).isTrue();
        assertThat(guardian.mayStillCapture(scheduled, DEADLINE.minusMillis(1))).isFalse();
        assertThat(guardian.mayStillCapture(scheduled, DEADLINE)).isFalse();
    }

    @Test
    void automaticCaptureIsInquiredWhenTheNotificationIsLate() {
        Authorization a = guardian.onAuthorized(Authorizations.automatic());
        assertThat(a.status()).isEqualTo(CaptureStatus.AWAITING_AUTO_CAPTURE);
        assertThat(a.deadline()).isEqualTo(DEADLINE);
        assertThat(guardian.onDue(a, a.nextActionAt()).then()).isEqualTo(NextStep.INQUIRE);
        assertThat(schedule.nextWarning(a)).isEmpty();
    }

    @Test
    void inquiryCadenceTightensNearTheDeadline() {
        assertThat(schedule.recheckAt(AUTHORIZED_AT, DEADLINE)).isEqualTo(AUTHORIZED_AT.plus(Duration.ofMinutes(10)));
        Instant late = DEADLINE.minus(Duration.ofMinutes(8));
        assertThat(schedule.recheckAt(late, DEADLINE)).isEqualTo(late.plus(Duration.ofMinutes(1)));
        Instant last = DEADLINE.minusSeconds(60);
        assertThat(schedule.recheckAt(last, DEADLINE)).isEqualTo(last.plusSeconds(30));
        assertThat(schedule.recheckAt(DEADLINE, DEADLINE)).isEqualTo(DEADLINE.plus(Duration.ofMinutes(10)));
    }
}
