package io.holdfast.capture.domain;

import static io.holdfast.capture.domain.Authorizations.AUTHORIZED_AT;
import static io.holdfast.capture.domain.Authorizations.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualCaptureRulesUnitTests {

    private final GuardianSettings settings = GuardianSettings.defaults();
    private final ManualCaptureRules rules = new ManualCaptureRules(settings);
    private final Authorization authorized = new Guardian(settings).onAuthorized(
            Authorizations.manual(DeadlinePolicy.CAPTURE));
    private final Instant now = AUTHORIZED_AT.plus(Duration.ofDays(1));

    @Test
    void exactAmountCapturesNow() {
        Transition t = rules.decide(authorized, request(new Money(1999, "USD"), null), now);
        assertThat(t.events()).isEmpty();
        assertThat(t.next().status()).isEqualTo(CaptureStatus.CAPTURE_SCHEDULED);
        assertThat(t.next().nextActionAt()).isEqualTo(now);
    }

    @Test
    void differentAmountOrCurrencyIsRejected() {
        assertThat(rejection(rules.decide(authorized, request(new Money(1000, "USD"), null), now)).reason())
                .isEqualTo(RejectionReason.AMOUNT_MISMATCH);
        assertThat(rejection(rules.decide(authorized, request(new Money(1999, "EUR"), null), now)).field())
                .isEqualTo("payload.amount.currency");
        assertThat(rules.decide(authorized, request(new Money(1000, "USD"), null), now).next())
                .isEqualTo(authorized);
    }

    @Test
    void captureAtBeforeDeadlineMinusMarginIsScheduled() {
        Instant at = DEADLINE.minus(Duration.ofDays(1));
        Transition t = rules.decide(authorized, request(Authorizations.AMOUNT, at), now);
        assertThat(t.next().status()).isEqualTo(CaptureStatus.CAPTURE_SCHEDULED);
        assertThat(t.next().nextActionAt()).isEqualTo(at);
        assertThat(t.events()).singleElement().isInstanceOf(CaptureEvent.CaptureScheduled.class);
    }

    @Test
    void captureAtInsideTheSafetyMarginIsRejected() {
        Instant at = DEADLINE.minus(Duration.ofHours(11));
        assertThat(rejection(rules.decide(authorized, request(Authorizations.AMOUNT, at), now)).field())
                .isEqualTo("payload.captureAt");
    }

    @Test
    void captureAfterCancelOrExpiryOrTwiceIsRejected() {
        assertThat(rejection(rules.decide(authorized.to(CaptureStatus.VOIDED, null), request(Authorizations.AMOUNT,
                null), now)).reason()).isEqualTo(RejectionReason.INVALID_STATE);
        assertThat(rejection(rules.decide(authorized.expired(false), request(Authorizations.AMOUNT, null), now))
                .reason()).isEqualTo(RejectionReason.DEADLINE_PASSED);
        assertThat(rejection(rules.decide(authorized, request(Authorizations.AMOUNT, null), DEADLINE)).reason())
                .isEqualTo(RejectionReason.DEADLINE_PASSED);
        Authorization inFlight = authorized.scheduledAt(now).requested(now, now.plusSeconds(60));
        assertThat(rejection(rules.decide(inFlight, request(Authorizations.AMOUNT, null), now)).reason())
                .isEqualTo(RejectionReason.CONFLICTING_COMMAND);
    }

    private static CaptureRequest request(Money amount, Instant at) {
        return new CaptureRequest("cmd-1", "pr-1", amount, at, "fp-1");
    }

    private static CaptureEvent.CommandRejected rejection(Transition t) {
        assertThat(t.events()).singleElement().isInstanceOf(CaptureEvent.CommandRejected.class);
        return (CaptureEvent.CommandRejected) t.events().get(0);
    }
}
