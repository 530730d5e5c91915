package io.holdfast.capture.domain;

import static io.holdfast.capture.domain.Authorizations.AUTHORIZED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** notifyCaptures parked before PaymentAuthorized, applied when the row opens. */
class EarlyNotificationsUnitTests {

    private final GuardianSettings settings = GuardianSettings.defaults();
    private final CaptureOutcomes outcomes = new CaptureOutcomes(settings);
    private final Guardian guardian = new Guardian(settings);
    private final Instant now = AUTHORIZED_AT.plusSeconds(2);
    private final Instant capturedAt = AUTHORIZED_AT.plusSeconds(1);

    @Test
    void aParkedSuccessCapturesTheNewAutomaticRowOnceWithAntomsIds() {
        Authorization opened = guardian.onAuthorized(Authorizations.automatic());
        CaptureNotification s = notification("n-1", true);
        CaptureOutcomes.EarlyApplied applied = outcomes.onEarlyNotifications(opened, List.of(s, s), now)
                .orElseThrow();
        assertThat(applied.notification()).isSameAs(s);
        assertThat(applied.transition().next().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(applied.transition().next().capturedAt()).isEqualTo(capturedAt);
        assertThat(applied.transition().events()).singleElement().isInstanceOfSatisfying(
                CaptureEvent.CaptureSucceeded.class, e -> {
                    assertThat(e.captureRequestId()).isEqualTo("antom-cr-1");
                    assertThat(e.captureId()).isEqualTo("c-1");
                    assertThat(e.mode()).isEqualTo(CaptureMode.AUTOMATIC);
                });
        // the same notification arriving again afterwards (the normal path) changes nothing
        assertThat(outcomes.onNotification(applied.transition().next(), s, now.plus(Duration.ofMinutes(1))))
                .isEmpty();
    }

    @Test
    void aParkedFailureFailsTheRowAndTheFirstArrivalDecides() {
        Authorization opened = guardian.onAuthorized(Authorizations.automatic());
        CaptureNotification f = notification("n-1", false);
        CaptureNotification s = notification("n-2", true);
        CaptureOutcomes.EarlyApplied applied = outcomes.onEarlyNotifications(opened, List.of(f, s), now)
                .orElseThrow();
        assertThat(applied.notification()).isSameAs(f);
        assertThat(applied.transition().next().status()).isEqualTo(CaptureStatus.CAPTURE_FAILED);
        assertThat(applied.transition().events()).singleElement().isInstanceOf(CaptureEvent.CaptureFailed.class);
    }

    @Test
    void nothingParkedOrNothingApplicableLeavesTheRowAsOpened() {
        Authorization auto = guardian.onAuthorized(Authorizations.automatic());
        assertThat(outcomes.onEarlyNotifications(auto, List.of(), now)).isEmpty();
        // a MANUAL row has requested no capture yet: a notification cannot be about it
        Authorization manual = guardian.onAuthorized(Authorizations.manual(DeadlinePolicy.CAPTURE));
        assertThat(outcomes.onEarlyNotifications(manual, List.of(notification("n-1", true)), now)).isEmpty();
    }

    private CaptureNotification notification(String id, boolean succeeded) {
        return new CaptureNotification(id, "ap-2", "antom-cr-1", "c-1", succeeded, succeeded ? "SUCCESS" : "FAIL",
                null, Authorizations.AMOUNT, capturedAt);
    }
}
