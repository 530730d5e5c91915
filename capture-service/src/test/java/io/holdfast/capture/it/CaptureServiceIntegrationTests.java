package io.holdfast.capture.it;

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
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.AuthorizationCancelled;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CancelInitiator;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureFailed;
import io.holdfast.schemas.event.CaptureScheduled;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * capture-service against a real Kafka broker (embedded KRaft), real PostgreSQL (zonky) and the alipay-sandbox, whose
 * clock moves in step with the service's. Time moves by days; nothing sleeps.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=200ms",
        "holdfast.capture.scheduler.metrics-interval=500ms",
        "holdfast.capture.outbox.poll-interval=100ms",
        // long, so an AUTOMATIC capture confirmed in these tests was confirmed by notifyCapture, not by inquiry
        "holdfast.capture.policy.auto-capture-grace=1h",
        "holdfast.alipay.timeout=3s",
        "holdfast.capture.command-parking.check-interval=200ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
class CaptureServiceIntegrationTests {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final TestAntom ANTOM = new TestAntom(Clock.fixed(START, ZoneOffset.UTC));
    static final EmbeddedSchemaRegistry REGISTRY = startRegistry();
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ScheduleStore store;
    @Autowired
    DatabaseClient db;
    @Autowired
    MeterRegistry registry;

    static Recorder recorder;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry, "capture_flows");
        registry.add("holdfast.schema-registry.url", REGISTRY::url);
        ANTOM.register(registry);
    }

    @BeforeEach
    void recorder() {
        if (recorder == null) {
            recorder = new Recorder(broker.getBrokersAsString(), REGISTRY.url(),
                    List.of(Topics.PAYMENTS_EVENTS, Topics.PAYMENTS_COMMANDS,
                            Topics.deadLetter(Topics.PAYMENTS_COMMANDS)));
        }
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void manualCaptureOfExactlyTheAuthorizedAmountSucceeds() {
        TestAntom.Authorized auth = authorize("exact", 2500, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);
        command(auth, new CapturePayment(money(2500), null));
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
        authorized(auth, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE);
        awaitRow(auth);
        command(auth, new CapturePayment(money(2700), null));
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
        TestAntom.Authorized auth = authorize("corrected", 900092, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, true);
        String id = auth.paymentRequestId();
        command(auth, new CapturePayment(money(900092), null));
        await().atMost(WAIT).until(() -> store.find(id).block().status() == CaptureStatus.CAPTURE_PENDING);
        String captureRequestId = store.find(id).block().captureRequestId();
        // a (verified) notifyCapture F arrives first: recorded as failed, CaptureFailed published
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, auth.paymentId(), new AlipayNotification("f-" + UUID.randomUUID(),
                CLOCK.instant(), TestAntom.CLIENT_ID, "1", new CaptureResultNotification("F", "PROCESS_FAIL",
                        "capture failed", captureRequestId, auth.paymentId(), "none", money(900092), null, null)))
                .join();
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureFailed.class).isEmpty());
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURE_FAILED);
        String failedEventId = recorder.envelopes(id, CaptureFailed.class).get(0).getEventId();

        // Antom's later word: the capture succeeded after all
        assertThat(ANTOM.sandbox.control().completePendingCaptures()).isEqualTo(1);
        await().atMost(WAIT).until(() -> !ANTOM.captureNotifications(auth.paymentId()).isEmpty());
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, auth.paymentId(),
                notification(ANTOM.captureNotifications(auth.paymentId()).get(0))).join();
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
        command(auth, new CapturePayment(money(1700), null)); // capture-service has not seen PaymentAuthorized yet
        // longer than the old ~3 s of retries before UNKNOWN_PAYMENT: still no rejection, the command waits
        await().during(Duration.ofSeconds(4)).atMost(WAIT)
                .until(() -> recorder.events(id, CommandRejected.class).isEmpty());
        assertThat(parkedCommands(id)).isEqualTo(1);
        assertThat(recorder.deadLetterCommands(id)).isEmpty();

        authorized(auth, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE);
        await().atMost(WAIT).until(() -> !recorder.events(id, CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
        assertThat(parkedCommands(id)).isZero();
        assertThat(recorder.events(id, CommandRejected.class)).isEmpty();
    }

    @Test
    void aParkedCaptureWhosePaymentNeverArrivesIsRejectedAfterTheParkingTimeout() {
        String id = "never-" + UUID.randomUUID();
        kafka.send(Topics.PAYMENTS_COMMANDS, id, new PaymentCommand("cmd-" + UUID.randomUUID(), id, null,
                CLOCK.instant(), new CapturePayment(money(500), null), null)).join();
        await().atMost(WAIT).until(() -> parkedCommands(id) == 1);
        assertThat(recorder.events(id, CommandRejected.class)).isEmpty();
        advance(Duration.ofMinutes(61)); // past the parking timeout (1 h)
        await().atMost(WAIT).until(() -> !recorder.events(id, CommandRejected.class).isEmpty());
        assertThat(recorder.events(id, CommandRejected.class).get(0).getReason())
                .isEqualTo(RejectionReason.UNKNOWN_PAYMENT);
        assertThat(parkedCommands(id)).isZero();
    }

    private long parkedCommands(String paymentRequestId) {
        return db.sql("select count(*) as n from parked_capture_command where payment_request_id = :id")
                .bind("id", paymentRequestId).map(r -> r.get("n", Long.class)).one().block();
    }

    @Test
    void aMissingAuthExpiryTimeIsCountedAsAnAnomalyAndTheFallbackDeadlineApplies() {
        double before = missingAuthExpiryTimes();
        String id = "no-expiry-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, 1300, CaptureMode.MANUAL.name(), false);
        kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id, auth.paymentId(),
                null, CLOCK.instant(), "cmd-" + id, new PaymentAuthorized(auth.paymentId(), money(1300),
                        CaptureMode.MANUAL, auth.paymentTime(), null, DeadlinePolicy.EXPIRE, null))).join();
        awaitRow(auth);
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
        TestAntom.Authorized auth = authorize("wrong", 2500, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);
        command(auth, new CapturePayment(money(2400), null));
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CommandRejected.class).isEmpty());
        CommandRejected rejected = recorder.events(auth.paymentRequestId(), CommandRejected.class).get(0);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.AMOUNT_MISMATCH);
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(auth.paymentRequestId()).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
    }

    @Test
    void captureAtRunsWhenItsTimeComes() {
        TestAntom.Authorized auth = authorize("at", 1200, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);
        Instant at = CLOCK.instant().plus(Duration.ofDays(2));
        command(auth, new CapturePayment(money(1200), at));
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureScheduled.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).isEmpty();
        advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
    }

    @Test
    void theGuardianWarnsOnceEachThenAppliesEachPolicy() {
        TestAntom.Authorized capture = authorize("g-cap", 1000, CaptureMode.MANUAL, DeadlinePolicy.CAPTURE, false);
        TestAntom.Authorized voids = authorize("g-void", 1000, CaptureMode.MANUAL, DeadlinePolicy.VOID, false);
        TestAntom.Authorized expire = authorize("g-exp", 1000, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);

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
        kafka.send(Topics.PAYMENTS_EVENTS, voids.paymentRequestId(), new PaymentEvent(UUID.randomUUID().toString(),
                voids.paymentRequestId(), voids.paymentId(), null, CLOCK.instant(), cancel.getCommandId(),
                new AuthorizationCancelled(CLOCK.instant(), CancelInitiator.DEADLINE_GUARDIAN, null))).join();
        await().atMost(WAIT).until(() -> store.find(voids.paymentRequestId()).block().status()
                == CaptureStatus.VOIDED);
        command(voids, new CapturePayment(money(1000), null));
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
        TestAntom.Authorized auth = authorize("auto", 3100, CaptureMode.AUTOMATIC, null, true);
        await().atMost(WAIT).until(() -> !ANTOM.captureNotifications(auth.paymentId()).isEmpty());
        TestAntom.Received n = ANTOM.captureNotifications(auth.paymentId()).get(0);
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, auth.paymentId(), notification(n)).join();
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, auth.paymentId(), notification(n)).join(); // a duplicate
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
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, auth.paymentId(), notification(n)).join();
        await().atMost(WAIT).until(() -> parked(auth.paymentId()) == 1);
        assertThat(store.find(id).blockOptional()).isEmpty();

        Instant opened = CLOCK.instant();
        authorized(auth, CaptureMode.AUTOMATIC, null);
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

        kafka.send(Topics.ALIPAY_NOTIFICATIONS, auth.paymentId(), notification(n)).join(); // a duplicate, late
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> recorder.events(id, CaptureSucceeded.class)
                .size() == 1 && parked(auth.paymentId()) == 0);
    }

    @Test
    void captureAnsweredUnknownIsResolvedByInquiryWithoutASecondCapture() {
        TestAntom.Authorized auth = authorize("unknown", 4200, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, false);
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.CAPTURE, FaultKind.UNKNOWN_EXCEPTION, 1)
                .applied(true));
        command(auth, new CapturePayment(money(4200), null));
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
        TestAntom.Authorized auth = authorize("async", 900092, CaptureMode.MANUAL, DeadlinePolicy.EXPIRE, true);
        command(auth, new CapturePayment(money(900092), null));
        await().atMost(WAIT).until(() -> store.find(auth.paymentRequestId()).block().status()
                == CaptureStatus.CAPTURE_PENDING);
        assertThat(recorder.events(auth.paymentRequestId(), CaptureSucceeded.class)).isEmpty();

        assertThat(ANTOM.sandbox.control().completePendingCaptures()).isEqualTo(1);
        await().atMost(WAIT).until(() -> !ANTOM.captureNotifications(auth.paymentId()).isEmpty());
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, auth.paymentId(),
                notification(ANTOM.captureNotifications(auth.paymentId()).get(0))).join();
        await().atMost(WAIT).until(() -> !recorder.events(auth.paymentRequestId(), CaptureSucceeded.class).isEmpty());
        assertThat(ANTOM.appliedCaptures(auth.paymentId())).hasSize(1);
    }

    private TestAntom.Authorized authorize(String prefix, long value, CaptureMode mode, DeadlinePolicy policy,
            boolean notify) {
        String id = prefix + "-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, value, mode.name(), notify);
        authorized(auth, mode, policy);
        awaitRow(auth);
        return auth;
    }

    /** authorization-service's PaymentAuthorized for a payment authorized on the sandbox. */
    private void authorized(TestAntom.Authorized auth, CaptureMode mode, DeadlinePolicy policy) {
        String id = auth.paymentRequestId();
        PaymentAuthorized payload = new PaymentAuthorized(auth.paymentId(), money(auth.valueMinor()), mode,
                auth.paymentTime(), auth.authExpiryTime(), policy, null);
        PaymentEvent event = new PaymentEvent(UUID.randomUUID().toString(), id, auth.paymentId(), null,
                CLOCK.instant(), "cmd-" + id, payload);
        kafka.send(Topics.PAYMENTS_EVENTS, id, event).join();
    }

    private long parked(String paymentId) {
        return db.sql("select count(*) as n from early_capture_notification where payment_id = :pid")
                .bind("pid", paymentId).map(r -> r.get("n", Long.class)).one().block();
    }

    private void command(TestAntom.Authorized auth, CapturePayment capture) {
        PaymentCommand command = new PaymentCommand("cmd-" + UUID.randomUUID(), auth.paymentRequestId(), null,
                CLOCK.instant(), capture, null);
        kafka.send(Topics.PAYMENTS_COMMANDS, auth.paymentRequestId(), command).join();
    }

    private void awaitRow(TestAntom.Authorized auth) {
        await().atMost(WAIT).until(() -> store.find(auth.paymentRequestId()).blockOptional().isPresent());
    }

    private void awaitWarnings(List<TestAntom.Authorized> auths, int count) {
        await().atMost(WAIT).until(() -> auths.stream().allMatch(a -> offsets(a).size() == count));
    }

    private static List<Duration> offsets(TestAntom.Authorized auth) {
        return recorder.events(auth.paymentRequestId(), CaptureDeadlineApproaching.class).stream()
                .map(w -> Duration.ofMillis(w.getOffsetMillis())).toList();
    }

    private static void advance(Duration by) {
        CLOCK.advance(by);
        ANTOM.sandbox.control().advanceClock(by);
    }

    private static AlipayNotification notification(TestAntom.Received n) {
        JsonNode json = n.json();
        JsonNode amount = json.path("captureAmount");
        String time = json.path("captureTime").asString(null);
        CaptureResultNotification payload = new CaptureResultNotification(
                json.path("result").path("resultStatus").asString(), json.path("result").path("resultCode").asString(),
                json.path("result").path("resultMessage").asString(null), json.path("captureRequestId").asString(),
                json.path("paymentId").asString(), json.path("captureId").asString(),
                new Money(Long.parseLong(amount.path("value").asString()), amount.path("currency").asString()),
                time == null ? null : OffsetDateTime.parse(time).toInstant(), null);
        return new AlipayNotification(sha256(n.body()), CLOCK.instant(), TestAntom.CLIENT_ID, n.requestTime(),
                payload);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Money money(long value) {
        return new Money(value, "USD");
    }

    private static EmbeddedSchemaRegistry startRegistry() {
        try {
            return EmbeddedSchemaRegistry.startOnFreePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
