package io.holdfast.capture.domain;

import static io.holdfast.capture.domain.Authorizations.AUTHORIZED_AT;
import static io.holdfast.capture.domain.Authorizations.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No capture is sent unless now + request timeout (8 s) + clock-skew allowance (2 min) is before the deadline, on
 * every attempt; the clock is moved towards the deadline.
 */
class DeadlineMarginUnitTests {

    private static final Duration MARGIN = Duration.ofSeconds(8).plus(Duration.ofMinutes(2));

    private final GuardianSettings settings = GuardianSettings.defaults();
    private final Guardian guardian = new Guardian(settings);
    private final CaptureOutcomes outcomes = new CaptureOutcomes(settings);
    private final Schedule schedule = new Schedule(settings);
    private final Clock atDeadline = Clock.fixed(DEADLINE, ZoneOffset.UTC);
    private final Authorization scheduled = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.EXPIRE))
            .scheduledAt(DEADLINE.minus(Duration.ofDays(1)));

    @Test
    void aScheduledCaptureIsNotSentInsideTheMargin() {
        Clock twoMinutesBefore = Clock.offset(atDeadline, Duration.ofMinutes(2).negated());
        Decision late = guardian.onDue(scheduled, twoMinutesBefore.instant());
        assertThat(late.then()).isEqualTo(NextStep.NONE);
        assertThat(late.transition().next().status()).isEqualTo(CaptureStatus.EXPIRED);
        assertThat(late.transition().next().deadlineMissed()).isTrue();
        assertThat(guardian.mayStillCapture(scheduled, twoMinutesBefore.instant())).isFalse();
        assertThat(guardian.mayStillCapture(scheduled, Clock.offset(atDeadline, MARGIN.negated()).instant()))
                .isFalse();

        Clock justInTime = Clock.offset(atDeadline, MARGIN.plusMillis(1).negated());
        assertThat(guardian.onDue(scheduled, justInTime.instant()).then()).isEqualTo(NextStep.SEND_CAPTURE);
        assertThat(guardian.mayStillCapture(scheduled, justInTime.instant())).isTrue();
    }

    @Test
    void aResendAfterAnInquiryFoundNothingIsCheckedLikeTheFirstAttempt() {
        Clock dayBefore = Clock.offset(atDeadline, Duration.ofDays(1).negated());
        Authorization unknown = scheduled.requested(dayBefore.instant(), dayBefore.instant())
                .to(CaptureStatus.CAPTURE_UNKNOWN, dayBefore.instant());
        Clock minuteBefore = Clock.offset(atDeadline, Duration.ofMinutes(1).negated());
        Decision d = outcomes.onLookup(unknown, new CaptureLookup.Answered(List.of()), minuteBefore.instant());
        assertThat(d.then()).isEqualTo(NextStep.NONE);
        assertThat(d.transition().next().status()).isEqualTo(CaptureStatus.EXPIRED);
        assertThat(d.transition().events()).singleElement().isInstanceOf(CaptureEvent.AuthorizationExpired.class);

        Clock hourBefore = Clock.offset(atDeadline, Duration.ofHours(1).negated());
        assertThat(outcomes.onLookup(unknown, new CaptureLookup.Answered(List.of()), hourBefore.instant()).then())
                .isEqualTo(NextStep.SEND_CAPTURE);
    }

    @Test
    void theDeadlineIsTheEarlierOfAuthExpiryTimeAndAuthorizationPlusTheFallback() {
        assertThat(schedule.deadline(AUTHORIZED_AT, AUTHORIZED_AT.plus(Duration.ofDays(8))))
                .isEqualTo(AUTHORIZED_AT.plus(Duration.ofDays(7)));
        assertThat(schedule.deadline(AUTHORIZED_AT, AUTHORIZED_AT.plus(Duration.ofDays(6))))
                .isEqualTo(AUTHORIZED_AT.plus(Duration.ofDays(6)));
        // an authExpiryTime not after the authorization is unusable: the fallback, not an immediate lapse
        assertThat(schedule.deadline(AUTHORIZED_AT, AUTHORIZED_AT.minus(Duration.ofHours(1))))
                .isEqualTo(AUTHORIZED_AT.plus(Duration.ofDays(7)));
        assertThat(schedule.deadline(AUTHORIZED_AT, null)).isEqualTo(AUTHORIZED_AT.plus(Duration.ofDays(7)));
    }

    @Test
    void anUnusableAuthExpiryTimeIsAnAnomaly() {
        assertThat(schedule.readDeadline(AUTHORIZED_AT, null).anomaly())
                .isEqualTo(DeadlineAnomaly.MISSING_AUTH_EXPIRY_TIME);
        assertThat(schedule.readDeadline(AUTHORIZED_AT, AUTHORIZED_AT).anomaly())
                .isEqualTo(DeadlineAnomaly.AUTH_EXPIRY_TIME_NOT_AFTER_AUTHORIZATION);
        assertThat(schedule.readDeadline(AUTHORIZED_AT, AUTHORIZED_AT.plus(Duration.ofDays(8))).anomaly())
                .isEqualTo(DeadlineAnomaly.AUTH_EXPIRY_TIME_BEYOND_FALLBACK);
        assertThat(schedule.readDeadline(AUTHORIZED_AT, DEADLINE).anomaly()).isNull();
    }

    @Test
    void everyAttemptRecordsItsOwnTimeAndKeepsTheFirst() {
        Clock dayBefore = Clock.offset(atDeadline, Duration.ofDays(1).negated());
        Authorization first = scheduled.requested(dayBefore.instant(), dayBefore.instant());
        Clock hourBefore = Clock.offset(atDeadline, Duration.ofHours(1).negated());
        Authorization second = first.to(CaptureStatus.CAPTURE_UNKNOWN, hourBefore.instant())
                .requested(hourBefore.instant(), hourBefore.instant());
        assertThat(second.captureRequestedAt()).isEqualTo(dayBefore.instant());
        assertThat(second.attempts().lastAttemptAt()).isEqualTo(hourBefore.instant());
        assertThat(second.captureRequestId()).isEqualTo(first.captureRequestId());
    }
}
