package io.holdfast.capture.domain;

import static io.holdfast.capture.domain.Authorizations.AUTHORIZED_AT;
import static io.holdfast.capture.domain.Authorizations.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureOutcomesUnitTests {

    private final GuardianSettings settings = GuardianSettings.defaults();
    private final CaptureOutcomes outcomes = new CaptureOutcomes(settings);
    private final Instant now = AUTHORIZED_AT.plus(Duration.ofDays(2));
    private final Authorization requested = new Guardian(settings).onAuthorized(
            Authorizations.manual(DeadlinePolicy.CAPTURE)).scheduledAt(now).requested(now, now.plusSeconds(60));

    @Test
    void unknownIsResolvedByTheInquiryEntryWithOurCaptureRequestId() {
        Authorization unknown = outcomes.onCaptureResult(requested, new CaptureResult.Unknown("timeout"), now).next();
        assertThat(unknown.status()).isEqualTo(CaptureStatus.CAPTURE_UNKNOWN);
        CaptureLookup lookup = new CaptureLookup.Answered(List.of(
                new CaptureTransaction("someone-else", "c-0", CaptureTransaction.Status.SUCCEEDED, null, null, now),
                new CaptureTransaction("cap-pr-1", "c-1", CaptureTransaction.Status.SUCCEEDED, "SUCCESS", null, now)));
        Transition t = outcomes.onLookup(unknown, lookup, now).transition();
        assertThat(t.next().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(t.next().captureId()).isEqualTo("c-1");
        assertThat(t.events()).singleElement().isInstanceOf(CaptureEvent.CaptureSucceeded.class);
    }

    @Test
    void absentCaptureIsResentWithTheSameIdBeforeTheDeadlineAndExpiresAfter() {
        Authorization unknown = requested.to(CaptureStatus.CAPTURE_UNKNOWN, now);
        Decision resend = outcomes.onLookup(unknown, new CaptureLookup.Answered(List.of()), now);
        assertThat(resend.then()).isEqualTo(NextStep.SEND_CAPTURE);
        assertThat(resend.transition().next().captureRequestId()).isEqualTo("cap-pr-1");
        Decision late = outcomes.onLookup(unknown, new CaptureLookup.Answered(List.of()), DEADLINE);
        assertThat(late.then()).isEqualTo(NextStep.NONE);
        assertThat(late.transition().next().status()).isEqualTo(CaptureStatus.EXPIRED);
    }

    @Test
    void duplicateNotificationChangesNothingAndThereIsNoSecondCapture() {
        CaptureNotification n = new CaptureNotification("n-1", "ap-1", "cap-pr-1", "c-1", true, "SUCCESS", null,
                Authorizations.AMOUNT, now);
        Authorization captured = outcomes.onNotification(requested, n, now).orElseThrow().next();
        assertThat(captured.status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(outcomes.onNotification(captured, n, now)).isEmpty();
        assertThatThrownBy(() -> captured.captured("cap-pr-1", "c-2", now)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inProcessWaitsForTheNotification() {
        Transition t = outcomes.onCaptureResult(requested, new CaptureResult.InProcess(), now);
        assertThat(t.next().status()).isEqualTo(CaptureStatus.CAPTURE_PENDING);
        CaptureNotification failed = new CaptureNotification("n-2", "ap-1", "cap-pr-1", "c-1", false, "AUTH_EXPIRED",
                "expired", Authorizations.AMOUNT, now);
        Transition f = outcomes.onNotification(t.next(), failed, now).orElseThrow();
        assertThat(f.next().status()).isEqualTo(CaptureStatus.CAPTURE_FAILED);
        assertThat(((CaptureEvent.CaptureFailed) f.events().get(0)).resultCode()).isEqualTo("AUTH_EXPIRED");
    }

    @Test
    void automaticCaptureIsConfirmedByAntomsOwnCaptureRequestId() {
        Authorization auto = new Guardian(settings).onAuthorized(Authorizations.automatic());
        CaptureNotification n = new CaptureNotification("n-3", "ap-2", "antom-cr-9", "c-9", true, "SUCCESS", null,
                Authorizations.AMOUNT, now);
        Transition t = outcomes.onNotification(auto, n, now).orElseThrow();
        CaptureEvent.CaptureSucceeded e = (CaptureEvent.CaptureSucceeded) t.events().get(0);
        assertThat(e.captureRequestId()).isEqualTo("antom-cr-9");
        assertThat(e.mode()).isEqualTo(CaptureMode.AUTOMATIC);
    }

    @Test
    void cancelledAuthorizationIsVoidUnlessSettled() {
        assertThat(outcomes.onCancelled(requested).orElseThrow().next().status()).isEqualTo(CaptureStatus.VOIDED);
        assertThat(outcomes.onCancelled(requested.captured("cap-pr-1", "c", now))).isEmpty();
    }
}
