package io.holdfast.capture.domain;

import static io.holdfast.capture.domain.Authorizations.AUTHORIZED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Antom is the source of truth: a refusal after an unknown is verified, a later success corrects a failure. */
class LateCaptureTruthUnitTests {

    private final GuardianSettings settings = GuardianSettings.defaults();
    private final CaptureOutcomes outcomes = new CaptureOutcomes(settings);
    private final Instant now = AUTHORIZED_AT.plus(Duration.ofDays(2));
    private final Authorization requested = new Guardian(settings).onAuthorized(
            Authorizations.manual(DeadlinePolicy.CAPTURE)).scheduledAt(now).requested(now, now.plusSeconds(60));

    @Test
    void aLateVerifiedSuccessMovesAFailedCaptureToCaptured() {
        Transition failure = outcomes.onCaptureResult(requested, new CaptureResult.Refused("PROCESS_FAIL", "no"), now);
        Authorization failed = failure.next();
        assertThat(failed.status()).isEqualTo(CaptureStatus.CAPTURE_FAILED);
        CaptureNotification success = new CaptureNotification("n-late", "ap-1", "cap-pr-1", "c-1", true, "SUCCESS",
                null, Authorizations.AMOUNT, now.plusSeconds(30));
        Transition corrected = outcomes.onNotification(failed, success, now.plusSeconds(40)).orElseThrow();
        assertThat(corrected.next().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(corrected.events()).singleElement().isEqualTo(new CaptureEvent.CaptureSucceeded("pr-1", "ap-1",
                "cap-pr-1", "c-1", Authorizations.AMOUNT, now.plusSeconds(30), CaptureMode.MANUAL,
                CaptureEvent.CaptureFailed.eventIdFor("pr-1").toString()));
        // the CaptureFailed it corrects carries exactly that eventId
        assertThat(failure.events()).singleElement().satisfies(e -> assertThat(e.fixedEventId())
                .contains(CaptureEvent.CaptureFailed.eventIdFor("pr-1")));
    }

    @Test
    void aSuccessForAnotherCaptureOrARefusalLeavesAFailedCaptureAlone() {
        Authorization failed = outcomes.onCaptureResult(requested, new CaptureResult.Refused("PROCESS_FAIL", "no"),
                now).next();
        assertThat(outcomes.onNotification(failed, new CaptureNotification("n-other", "ap-1", "cap-someone-else",
                "c-9", true, "SUCCESS", null, Authorizations.AMOUNT, now), now)).isEmpty();
        assertThat(outcomes.onNotification(failed, new CaptureNotification("n-f", "ap-1", "cap-pr-1", null, false,
                "PROCESS_FAIL", "no", Authorizations.AMOUNT, now), now)).isEmpty();
    }

    @Test
    void aRefusalNotifiedAfterAnUnknownIsInquiredBeforeCaptureFailed() {
        Authorization unknown = outcomes.onCaptureResult(requested, new CaptureResult.Unknown("timeout"), now).next();
        CaptureNotification refused = new CaptureNotification("n-f", "ap-1", "cap-pr-1", null, false, "PROCESS_FAIL",
                "no", Authorizations.AMOUNT, now.plusSeconds(30));
        Transition t = outcomes.onNotification(unknown, refused, now.plusSeconds(40)).orElseThrow();
        assertThat(t.events()).noneMatch(e -> e instanceof CaptureEvent.CaptureFailed);
        assertThat(t.next().nextActionAt()).isEqualTo(now.plusSeconds(40));
        // the inquiry then decides: Antom's FAILED entry for our id publishes CaptureFailed
        Transition decided = outcomes.onLookup(t.next(), new CaptureLookup.Answered(List.of(new CaptureTransaction(
                "cap-pr-1", null, CaptureTransaction.Status.FAILED, "PROCESS_FAIL", "no", null))), now).transition();
        assertThat(decided.next().status()).isEqualTo(CaptureStatus.CAPTURE_FAILED);
        assertThat(decided.events()).singleElement().isInstanceOf(CaptureEvent.CaptureFailed.class);
    }

    @Test
    void aRefusedResendAfterAnUnknownIsVerifiedAndAntomsSuccessWins() {
        Authorization unknown = outcomes.onCaptureResult(requested, new CaptureResult.Unknown("timeout"), now).next();
        Authorization resent = outcomes.onLookup(unknown, new CaptureLookup.Answered(List.of()), now.plusSeconds(60))
                .transition().next();
        CaptureResult.Refused refused = new CaptureResult.Refused("REPEAT_REQ", "already processed");
        assertThat(outcomes.refusalToVerify(resent, refused)).contains(refused);
        assertThat(outcomes.refusalToVerify(requested, refused)).isEmpty();
        // applied unverified it publishes nothing and asks the inquiry at once
        Transition unverified = outcomes.onCaptureResult(resent, refused, now.plusSeconds(61));
        assertThat(unverified.events()).isEmpty();
        assertThat(unverified.next().status()).isEqualTo(CaptureStatus.CAPTURE_UNKNOWN);

        Transition won = outcomes.onRefusalVerified(resent, refused, new CaptureLookup.Answered(List.of(
                new CaptureTransaction("cap-pr-1", "c-1", CaptureTransaction.Status.SUCCEEDED, "SUCCESS", null, now))),
                now.plusSeconds(62));
        assertThat(won.next().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(won.events()).singleElement().isInstanceOf(CaptureEvent.CaptureSucceeded.class);

        Transition stands = outcomes.onRefusalVerified(resent, refused, new CaptureLookup.Answered(List.of()),
                now.plusSeconds(62));
        assertThat(stands.next().status()).isEqualTo(CaptureStatus.CAPTURE_FAILED);
        assertThat(stands.events()).singleElement().isEqualTo(new CaptureEvent.CaptureFailed("pr-1", "ap-1",
                "cap-pr-1", Authorizations.AMOUNT, "REPEAT_REQ", "already processed"));

        Transition stillUnknown = outcomes.onRefusalVerified(resent, refused, new CaptureLookup.Unanswered("timeout"),
                now.plusSeconds(62));
        assertThat(stillUnknown.next().status()).isEqualTo(CaptureStatus.CAPTURE_UNKNOWN);
        assertThat(stillUnknown.events()).isEmpty();
    }
}
