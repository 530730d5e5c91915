package io.holdfast.capture.it;

import static io.holdfast.capture.it.Scenario.ANTOM;
import static io.holdfast.capture.it.Scenario.CLOCK;
import static io.holdfast.capture.it.Scenario.WAIT;
import static io.holdfast.capture.it.Scenario.advance;
import static io.holdfast.capture.it.Scenario.captureNotification;
import static io.holdfast.capture.it.Scenario.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.core.LedgerOperation;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.Attempts;
import io.holdfast.capture.domain.Authorization;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureFailed;
import io.holdfast.schemas.event.CaptureScheduled;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * capture-service against a real Kafka broker (embedded KRaft), real PostgreSQL (zonky) and the alipay-sandbox, whose
 * clock moves in step with the service's. Time moves by days; nothing sleeps.
 */
@CaptureServiceIntegrationTest
class CaptureServiceIntegrationTests {

    @Autowired
    Scenario scenario;
    @Autowired
    Recorder recorder;
    @Autowired
    ScheduleStore store;
    @Autowired
    DatabaseClient db;
    @Autowired
    MeterRegistry registry;

    @Test
    void manualCaptureOfExactlyTheAuthorizedAmountSucceeds() {
        TestAntom.Authorized auth = scenario.authorize("exact", 2500, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);
        scenario.command(auth, new CapturePayment(money(2500), null));
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        CaptureSucceeded succeeded = recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).get(0);
        assertThat(succeeded.getAmount()).isEqualTo(money(2500));
        assertThat(succeeded.getCaptureRequestId()).isEqualTo("cap-" + auth.paymentRequestId());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
    }

    @Test
    void aSixtyFourCharacterPaymentRequestIdIsCapturedEndToEnd() {
        String id = "long-" + UUID.randomUUID() + "-" + "0123456789:._-ABCDEFGHIJ".substring(0, 22);
        assertThat(id).hasSize(64);
        TestAntom.Authorized auth = ANTOM.pay(id, 2700, CaptureMode.MANUAL.name(), false);
        scenario.authorized(auth, null, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE);
        scenario.awaitRow(auth.paymentRequestId());
        scenario.command(auth, new CapturePayment(money(2700), null));
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureSucceeded.class).isEmpty());
        CaptureSucceeded succeeded = recorder.events(id, CaptureSucceeded.class).get(0);
        assertThat(succeeded.getCaptureRequestId()).isEqualTo(Authorization.captureRequestIdFor(id))
                .startsWith("caph-").hasSize(64);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
    }

    @Test
    void theDatabasePinsTheCaptureRequestIdDerivationForEveryIdLength() {
        for (int length = 1; length <= 64; length++) {
            String id = ("d" + length + "-" + UUID.randomUUID().toString().replace("-", ":") + "x".repeat(64))
                    .substring(0, length);
            Authorization derived = attemptRow(id, Authorization.captureRequestIdFor(id));
            assertThat(store.insert(derived, null).block()).as("derived id of a %d-character id", length).isTrue();
        }
        String sixtyOne = "e-" + UUID.randomUUID() + "x".repeat(23);
        assertThat(sixtyOne).hasSize(61);
        assertThatThrownBy(() -> store.insert(attemptRow(sixtyOne, ("cap-" + sixtyOne).substring(0, 64)), null)
                .block()).hasMessageContaining("manual_capture_id");
    }

    private static Authorization attemptRow(String paymentRequestId, String captureRequestId) {
        Instant now = CLOCK.instant();
        return new Authorization(paymentRequestId, "pid-" + UUID.randomUUID(), null,
                new io.holdfast.capture.domain.Money(100, "USD"), io.holdfast.capture.domain.CaptureMode.MANUAL, now,
                now.plus(Duration.ofDays(7)), io.holdfast.capture.domain.DeadlinePolicy.EXPIRE,
                CaptureStatus.CAPTURE_REQUESTED, now, captureRequestId, now, null, null, null, null, false,
                new Attempts(now, false), 0);
    }

    @Test
    void theDatabaseRefusesAnAttemptAtTheDeadlineWhicheverAttemptItIs() {
        String id = "late-" + UUID.randomUUID();
        Authorization first = attemptRow(id, Authorization.captureRequestIdFor(id));
        assertThat(store.insert(first, null).block()).isTrue();
        // a re-send written at the deadline (the first attempt, days earlier, was fine)
        Authorization resend = new Authorization(first.paymentRequestId(), first.paymentId(), null, first.amount(),
                first.mode(), first.authorizedAt(), first.deadline(), first.policy(), first.status(),
                first.captureAt(), first.captureRequestId(), first.captureRequestedAt(), null, null, null, null, false,
                new Attempts(first.deadline(), false), 0);
        assertThatThrownBy(() -> store.update(resend, null).block())
                .hasMessageContaining("every_attempt_before_deadline");
    }

    @Test
    void aCaptureRecordedAsFailedIsCorrectedByAntomsLaterSuccess() {
        // amount 900092: the sandbox answers the capture CAPTURE_IN_PROCESS and completes it on request
        TestAntom.Authorized auth = scenario.authorize("corrected", 900092, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, true);
        String id = auth.paymentRequestId();
        scenario.command(auth, new CapturePayment(money(900092), null));
        await().atMost(WAIT).until(() -> store.find(id).block().status() == CaptureStatus.CAPTURE_PENDING);
        String captureRequestId = store.find(id).block().captureRequestId();
        // a (verified) notifyCapture F arrives first: recorded as failed, CaptureFailed published
        scenario.notification(auth.paymentId(), new AlipayNotification("f-" + UUID.randomUUID(),
                CLOCK.instant(), TestAntom.CLIENT_ID, "1", new CaptureResultNotification("F", "PROCESS_FAIL",
                        "capture failed", captureRequestId, auth.paymentId(), "none", money(900092), null, null)));
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureFailed.class).isEmpty());
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURE_FAILED);
        String failedEventId = recorder.envelopes(id, CaptureFailed.class).get(0).getEventId();

        // Antom's later word: the capture succeeded after all
        assertThat(ANTOM.sandbox.control().completePendingCaptures()).isEqualTo(1);
        await().atMost(WAIT).until(() -> !ANTOM.captureNotifications(auth.paymentId()).isEmpty());
        scenario.notification(auth.paymentId(),
                captureNotification(ANTOM.captureNotifications(auth.paymentId()).get(0)));
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureSucceeded.class).isEmpty());
        CaptureSucceeded succeeded = recorder.events(id, CaptureSucceeded.class).get(0);
        assertThat(succeeded.getCorrectsEventId()).isEqualTo(failedEventId);
        assertThat(succeeded.getCaptureRequestId()).isEqualTo(captureRequestId);
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
    }

    @Test
    void aCaptureBeforeItsPaymentAuthorizedIsParkedThenAppliedWhenTheAuthorizationArrives() {
        String id = "lagging-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, 1700, CaptureMode.MANUAL.name(), false);
        // capture-service has not seen PaymentAuthorized yet
        scenario.command(auth, new CapturePayment(money(1700), null));
        // longer than the old ~3 s of retries before UNKNOWN_PAYMENT: still no rejection, the command waits
        await().during(Duration.ofSeconds(4)).atMost(WAIT)
                .until(() -> recorder.events(id, CommandRejected.class).isEmpty());
        assertThat(scenario.parkedCommands(id)).isEqualTo(1);
        assertThat(recorder.deadLetterCommands(id)).isEmpty();

        scenario.authorized(auth, null, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE);
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
        assertThat(scenario.parkedCommands(id)).isZero();
        assertThat(recorder.events(id, CommandRejected.class)).isEmpty();
    }

    @Test
    void aParkedCaptureWhosePaymentNeverArrivesIsRejectedAfterTheParkingTimeout() {
        String id = "never-" + UUID.randomUUID();
        scenario.command(id, null, new CapturePayment(money(500), null));
        await().atMost(WAIT).until(() -> scenario.parkedCommands(id) == 1);
        assertThat(recorder.events(id, CommandRejected.class)).isEmpty();
        advance(Duration.ofMinutes(61)); // past the parking timeout (1 h)
        await().atMost(WAIT).until(() -> !recorder.events(id, CommandRejected.class).isEmpty());
        assertThat(recorder.events(id, CommandRejected.class).get(0).getReason())
                .isEqualTo(RejectionReason.UNKNOWN_PAYMENT);
        assertThat(scenario.parkedCommands(id)).isZero();
    }

    @Test
    void aMissingAuthExpiryTimeIsCountedAsAnAnomalyAndTheFallbackDeadlineApplies() {
        double before = missingAuthExpiryTimes();
        String id = "no-expiry-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, 1300, CaptureMode.MANUAL.name(), false);
        scenario.publish(id, auth.paymentId(), null, "cmd-" + id, new PaymentAuthorized(auth.paymentId(),
                money(1300), CaptureMode.MANUAL, auth.paymentTime(), null, DeadlinePolicy.EXPIRE, null));
        scenario.awaitRow(auth.paymentRequestId());
        assertThat(store.find(id).block().deadline()).isEqualTo(auth.paymentTime().plus(Duration.ofDays(7)));
        assertThat(missingAuthExpiryTimes()).isEqualTo(before + 1);
    }

    private double missingAuthExpiryTimes() {
        Counter counter = registry.find("holdfast.capture.deadline.anomalies").tag("kind", "MISSING_AUTH_EXPIRY_TIME")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void captureOfAnotherAmountIsRejected() {
        TestAntom.Authorized auth = scenario.authorize("wrong", 2500, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);
        scenario.command(auth, new CapturePayment(money(2400), null));
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CommandRejected.class).isEmpty());
        CommandRejected rejected = recorder.events(auth.paymentRequestId(), CommandRejected.class).get(0);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.AMOUNT_MISMATCH);
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(auth.paymentRequestId()).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
    }

    @Test
    void captureAtRunsWhenItsTimeComes() {
        TestAntom.Authorized auth = scenario.authorize("at", 1200, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);
        Instant at = CLOCK.instant().plus(Duration.ofDays(2));
        scenario.command(auth, new CapturePayment(money(1200), at));
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureScheduled.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
        advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
    }

    @Test
    void theGuardianWarnsOnceEachThenAppliesEachPolicy() {
        TestAntom.Authorized capture = scenario.authorize("g-cap", 1000, CaptureMode.MANUAL, DeadlinePolicy.CAPTURE, false);
        TestAntom.Authorized voids = scenario.authorize("g-void", 1000, CaptureMode.MANUAL, DeadlinePolicy.VOID, false);
        TestAntom.Authorized expire = scenario.authorize("g-exp", 1000, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);

        advance(Duration.ofDays(5).plusMinutes(1)); // T-48h
        awaitWarnings(List.of(capture, voids, expire), 1);
        advance(Duration.ofDays(1)); // T-24h
        awaitWarnings(List.of(capture, voids, expire), 2);
        advance(Duration.ofHours(12)); // T-12h: the policies of CAPTURE and VOID act
        await().atMost(WAIT).until(() -> !recorder.events(capture.paymentRequestId(), CaptureSucceeded.class)
                .isEmpty() && !recorder.commands(voids.paymentRequestId(), CancelPayment.class).isEmpty());
        PaymentCommand cancel = recorder.commands(voids.paymentRequestId(), CancelPayment.class).get(0);
        assertThat(cancel.getCommandId()).isEqualTo("void-" + voids.paymentRequestId());
        assertThat(ANTOM.appliedCaptures(capture.paymentId())).hasSize(1);
        // authorization-service performs the cancel and reports it; a capture after it is refused
        scenario.publish(voids.paymentRequestId(), voids.paymentId(), null, cancel.getCommandId(),
                new AuthorizationCancelled(CLOCK.instant(), CancelInitiator.DEADLINE_GUARDIAN, null));
        await().atMost(WAIT).until(() -> store.find(voids.paymentRequestId()).block().status()
                == CaptureStatus.VOIDED);
        scenario.command(voids, new CapturePayment(money(1000), null));
        await().atMost(WAIT).until(() -> !recorder.events(voids.paymentRequestId(), CommandRejected.class).isEmpty());
        assertThat(recorder.events(voids.paymentRequestId(), CommandRejected.class).get(0).getReason())
                .isEqualTo(RejectionReason.INVALID_STATE);
        advance(Duration.ofHours(6)); // T-6h: only the EXPIRE authorization is still warned about
        awaitWarnings(List.of(expire), 3);
        advance(Duration.ofHours(6)); // T: it lapses
        await().atMost(WAIT).until(() -> !recorder.events(expire.paymentRequestId(), AuthorizationExpired.class)
                .isEmpty());

        assertThat(offsets(capture)).containsExactly(Duration.ofHours(48), Duration.ofHours(24));
        assertThat(offsets(voids)).containsExactly(Duration.ofHours(48), Duration.ofHours(24));
        assertThat(offsets(expire)).containsExactly(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(6));
        assertThat(ANTOM.appliedCaptures(expire.paymentId())).isEmpty();
        assertThat(recorder.events(voids.paymentRequestId(), AuthorizationExpired.class)).isEmpty();
        assertThat(store.find(expire.paymentRequestId()).block().deadlineMissed()).isFalse();
    }

    @Test
    void automaticCaptureIsConfirmedByNotifyCapture() {
        TestAntom.Authorized auth = scenario.authorize("auto", 3100, CaptureMode.AUTOMATIC, null, true);
        await().atMost(WAIT).until(() -> !ANTOM.captureNotifications(auth.paymentId()).isEmpty());
        TestAntom.Received n = ANTOM.captureNotifications(auth.paymentId()).get(0);
        scenario.notification(auth.paymentId(), captureNotification(n));
        scenario.notification(auth.paymentId(), captureNotification(n)); // a duplicate
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        CaptureSucceeded succeeded = recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).get(0);
        assertThat(succeeded.getCaptureMode()).isEqualTo(CaptureMode.AUTOMATIC);
        assertThat(succeeded.getCaptureRequestId()).isEqualTo(n.json().path("captureRequestId").asString());
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> recorder.events(auth.paymentRequestId(),
                CaptureSucceeded.class).size() == 1);
    }

    @Test
    void notifyCaptureBeforePaymentAuthorizedIsParkedThenAppliedOnceWhenTheRowOpens() {
        String id = "early-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, 3300, CaptureMode.AUTOMATIC.name(), true);
        await().atMost(WAIT).until(() -> !ANTOM.captureNotifications(auth.paymentId()).isEmpty());
        TestAntom.Received n = ANTOM.captureNotifications(auth.paymentId()).get(0);
        scenario.notification(auth.paymentId(), captureNotification(n));
        await().atMost(WAIT).until(() -> parked(auth.paymentId()) == 1);
        assertThat(store.find(id).blockOptional()).isEmpty();

        Instant opened = CLOCK.instant();
        scenario.authorized(auth, null, CaptureMode.AUTOMATIC, null);
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureSucceeded.class).isEmpty());
        CaptureSucceeded succeeded = recorder.events(id, CaptureSucceeded.class).get(0);
        assertThat(succeeded.getCaptureMode()).isEqualTo(CaptureMode.AUTOMATIC);
        assertThat(succeeded.getCaptureRequestId()).isEqualTo(n.json().path("captureRequestId").asString());
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(parked(auth.paymentId())).isZero();
        // confirmed by the parked notification: no time passed, Antom was never asked
        assertThat(CLOCK.instant()).isEqualTo(opened);
        assertThat(ANTOM.sandbox.control().ledger()).noneMatch(e -> e.operation() == LedgerOperation.INQUIRY_PAYMENT
                && auth.paymentId().equals(e.paymentId()));

        scenario.notification(auth.paymentId(), captureNotification(n)); // a duplicate, late
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> recorder.events(id, CaptureSucceeded.class)
                .size() == 1 && parked(auth.paymentId()) == 0);
    }

    @Test
    void captureAnsweredUnknownIsResolvedByInquiryWithoutASecondCapture() {
        TestAntom.Authorized auth = scenario.authorize("unknown", 4200, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.CAPTURE, FaultKind.UNKNOWN_EXCEPTION, 1)
                .applied(true));
        scenario.command(auth, new CapturePayment(money(4200), null));
        await().atMost(WAIT).until(() -> store.find(auth.paymentRequestId()).block().status()
                == CaptureStatus.CAPTURE_UNKNOWN);
        assertThat(recorder.events(auth.paymentRequestId(), CaptureSucceeded.class)).isEmpty();
        advance(Duration.ofMinutes(11)); // the recheck is due: inquiryPayment finds our captureRequestId
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
        assertThat(store.find(auth.paymentRequestId()).block().status()).isEqualTo(CaptureStatus.CAPTURED);
    }

    @Test
    void captureInProcessWaitsForNotifyCapture() {
        // amount 900092 is the sandbox's trigger for a capture answered U/CAPTURE_IN_PROCESS
        TestAntom.Authorized auth = scenario.authorize("async", 900092, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, true);
        scenario.command(auth, new CapturePayment(money(900092), null));
        await().atMost(WAIT).until(() -> store.find(auth.paymentRequestId()).block().status()
                == CaptureStatus.CAPTURE_PENDING);
        assertThat(recorder.events(auth.paymentRequestId(), CaptureSucceeded.class)).isEmpty();

        assertThat(ANTOM.sandbox.control().completePendingCaptures()).isEqualTo(1);
        await().atMost(WAIT).until(() -> !ANTOM.captureNotifications(auth.paymentId()).isEmpty());
        scenario.notification(auth.paymentId(),
                captureNotification(ANTOM.captureNotifications(auth.paymentId()).get(0)));
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
    }

    private long parked(String paymentId) {
        return db.sql("select count(*) as n from early_capture_notification where payment_id = :pid")
                .bind("pid", paymentId).map(r -> r.get("n", Long.class)).one().block();
    }

    private void awaitWarnings(List<TestAntom.Authorized> auths, int count) {
        await().atMost(WAIT).until(() -> auths.stream().allMatch(a -> offsets(a).size() == count));
    }

    private List<Duration> offsets(TestAntom.Authorized auth) {
        return recorder.events(auth.paymentRequestId(), CaptureDeadlineApproaching.class).stream()
                .map(w -> Duration.ofMillis(w.getOffsetMillis())).toList();
    }
}
