package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.fault.FaultKind;
import io.holdfast.alipay.sandbox.fault.FaultSpec;
import io.holdfast.capture.application.RefundHandler;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.capture.domain.CaptureStatus;
import io.holdfast.capture.domain.RefundCommand;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.RefundPayment;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.common.RefundTotals;
import io.holdfast.schemas.event.AuthorizationExpired;
import io.holdfast.schemas.event.CaptureDeadlineApproaching;
import io.holdfast.schemas.event.CaptureSucceeded;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RefundRequested;
import io.holdfast.schemas.event.RefundSucceeded;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.RefundResultNotification;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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
 * Refunds end to end in capture-service (docs/adr/0001-refund-owner.md): RefundPayment commands and notifyRefund
 * records over a real Kafka broker, real PostgreSQL and the alipay-sandbox, whose clock moves with the service's.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=200ms",
        "holdfast.capture.outbox.poll-interval=100ms",
        "holdfast.capture.refunds.poll-interval=200ms",
        "holdfast.alipay.timeout=3s"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
class RefundIntegrationTests {

    static final Instant START = Instant.parse("2026-04-06T08:00:00Z");
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
    RefundHandler refunds;

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
        EmbeddedDatabase.register(registry, "capture_refunds");
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
    void aPartialRefundThenTheRestThenNothingMoreAndTheScheduleStaysClosed() {
        TestAntom.Authorized auth = captured("partial", 2500);
        String id = auth.paymentRequestId();

        refund(auth, 1000, null);
        RefundRequested first = awaitOne(id, RefundRequested.class, 1);
        assertThat(first.getTotals()).isEqualTo(totals(2500, 0, 1000, 1500));
        String firstId = first.getRefundRequestId();
        assertThat(firstId).startsWith("ref-cmd-");
        ANTOM.sandbox.control().completePendingRefunds();
        await().atMost(WAIT).until(() -> ANTOM.refundNotifications(firstId).size() == 1);
        AlipayNotification notified = notification(ANTOM.refundNotifications(firstId).get(0));
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, firstId, notified).join();
        kafka.send(Topics.ALIPAY_NOTIFICATIONS, firstId, notified).join(); // Antom's retry of the same notification
        RefundSucceeded one = awaitOne(id, RefundSucceeded.class, 1);
        assertThat(one.getRefundId()).isNotBlank();
        assertThat(one.getTotals()).isEqualTo(totals(2500, 1000, 0, 1500));

        // the rest, under the merchant's own refundRequestId; its notifyRefund is lost: the inquiry finds it
        String mine = "mine-" + UUID.randomUUID();
        refund(auth, 1500, mine);
        assertThat(awaitOne(id, RefundRequested.class, 2).getRefundRequestId()).isEqualTo(mine);
        advance(Duration.ofMinutes(2));
        RefundSucceeded rest = awaitOne(id, RefundSucceeded.class, 2);
        assertThat(rest.getRefundRequestId()).isEqualTo(mine);
        assertThat(rest.getTotals()).isEqualTo(totals(2500, 2500, 0, 0));

        PaymentCommand over = refund(auth, 1, null);
        CommandRejected rejected = awaitOne(id, CommandRejected.class, 1);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.REFUND_EXCEEDS_REFUNDABLE);
        assertThat(rejected.getCommandId()).isEqualTo(over.getCommandId());
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(id).isEmpty());
        assertThat(ANTOM.appliedRefunds(auth.paymentId())).hasSize(2);
        assertThat(recorder.events(id, RefundSucceeded.class)).hasSize(2);

        // the guardian never refunds and a refund never reopens the schedule
        advance(Duration.ofDays(8));
        assertThat(recorder.events(id, AuthorizationExpired.class)).isEmpty();
        assertThat(recorder.events(id, CaptureDeadlineApproaching.class)).isEmpty();
        assertThat(store.find(id).block().status()).isEqualTo(CaptureStatus.CAPTURED);
        assertThat(db.sql("select due_at from capture_schedule where payment_request_id = :id").bind("id", id)
                .map(r -> java.util.Optional.ofNullable(r.get("due_at", OffsetDateTime.class))).one().block())
                .isEmpty();
    }

    @Test
    void aRefundBeforeCaptureIsRefusedAndTheMerchantIsToldToCancel() {
        TestAntom.Authorized auth = authorize("early", 1200);
        PaymentCommand command = refund(auth, 1200, null);
        CommandRejected rejected = awaitOne(auth.paymentRequestId(), CommandRejected.class, 1);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.NOT_CAPTURED);
        assertThat(rejected.getAdvice()).isEqualTo("CancelPayment");
        assertThat(rejected.getCommandId()).isEqualTo(command.getCommandId());
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(auth.paymentRequestId()).isEmpty());
        assertThat(ANTOM.appliedRefunds(auth.paymentId())).isEmpty();
    }

    @Test
    void unknownRefundResultsAreResolvedByInquiryAndRefundOnce() {
        TestAntom.Authorized lost = captured("unknown", 3000);
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.REFUND, FaultKind.UNKNOWN_EXCEPTION, 1));
        refund(lost, 3000, null);
        assertThat(awaitOne(lost.paymentRequestId(), RefundRequested.class, 1).getTotals())
                .isEqualTo(totals(3000, 0, 3000, 0));
        assertThat(ANTOM.appliedRefunds(lost.paymentId())).as("U/UNKNOWN_EXCEPTION, not applied").isEmpty();

        TestAntom.Authorized slow = captured("timeout", 3100);
        ANTOM.sandbox.control().injectFault(FaultSpec.next(Api.REFUND, FaultKind.APPLY_THEN_TIMEOUT, 1)
                .withLatency(Duration.ofSeconds(5)));
        refund(slow, 3100, null);
        awaitOne(slow.paymentRequestId(), RefundRequested.class, 1);
        assertThat(ANTOM.appliedRefunds(slow.paymentId())).as("applied, the answer timed out").hasSize(1);

        // the first inquiry: Antom never saw the first refund (sent again, same id), the second is processing
        advance(Duration.ofMinutes(2));
        await().atMost(WAIT).until(() -> ANTOM.appliedRefunds(lost.paymentId()).size() == 1);
        // both are final on the sandbox after 10 s; the next inquiries (10 min later) find them successful
        advance(Duration.ofMinutes(10));
        assertThat(awaitOne(lost.paymentRequestId(), RefundSucceeded.class, 1).getTotals())
                .isEqualTo(totals(3000, 3000, 0, 0));
        assertThat(awaitOne(slow.paymentRequestId(), RefundSucceeded.class, 1).getTotals())
                .isEqualTo(totals(3100, 3100, 0, 0));
        assertThat(ANTOM.appliedRefunds(lost.paymentId())).hasSize(1);
        assertThat(ANTOM.appliedRefunds(slow.paymentId())).hasSize(1);
    }

    @Test
    void twoRefundsRacingForTheLastAmountCannotBothPass() throws Exception {
        for (int round = 0; round < 4; round++) {
            TestAntom.Authorized auth = captured("race", 1000);
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<RefundHandler.Outcome>> racers = List.of(race(auth, start), race(auth, start));
            List<RefundHandler.Outcome> outcomes = racers.stream().map(CompletableFuture::join).toList();

            assertThat(outcomes).containsExactlyInAnyOrder(RefundHandler.Outcome.ACCEPTED,
                    RefundHandler.Outcome.REJECTED);
            assertThat(awaitOne(auth.paymentRequestId(), CommandRejected.class, 1).getReason())
                    .isEqualTo(RejectionReason.REFUND_EXCEEDS_REFUNDABLE);
            assertThat(position(auth.paymentRequestId())).isEqualTo(600L);
        }
    }

    @Test
    void theDatabaseRefusesMoreRefundedThanCapturedAndRefundsOfWhatIsNotCaptured() {
        TestAntom.Authorized auth = captured("db", 700);
        assertThatThrownBy(() -> db.sql("update capture_schedule set refunded_minor = 500, refund_pending_minor = 201 "
                + "where payment_request_id = :id").bind("id", auth.paymentRequestId()).fetch().rowsUpdated().block())
                .hasMessageContaining("refunds_within_captured");
        TestAntom.Authorized notCaptured = authorize("db-auth", 700);
        assertThatThrownBy(() -> db.sql("update capture_schedule set refund_pending_minor = 1 "
                + "where payment_request_id = :id").bind("id", notCaptured.paymentRequestId()).fetch().rowsUpdated()
                .block()).hasMessageContaining("refunds_only_when_captured");
    }

    private CompletableFuture<RefundHandler.Outcome> race(TestAntom.Authorized auth, CyclicBarrier start) {
        RefundCommand command = new RefundCommand("cmd-" + UUID.randomUUID(), auth.paymentRequestId(), null,
                new io.holdfast.capture.domain.Money(600, "USD"), null, null, UUID.randomUUID().toString());
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return refunds.refund(command, null).block(WAIT);
        });
    }

    private long position(String paymentRequestId) {
        return db.sql("select refunded_minor + refund_pending_minor as taken from capture_schedule "
                + "where payment_request_id = :id").bind("id", paymentRequestId)
                .map(r -> r.get("taken", Long.class)).one().block();
    }

    private TestAntom.Authorized authorize(String prefix, long value) {
        String id = prefix + "-" + UUID.randomUUID();
        TestAntom.Authorized auth = ANTOM.pay(id, value, CaptureMode.MANUAL.name(), true);
        PaymentAuthorized payload = new PaymentAuthorized(auth.paymentId(), money(value), CaptureMode.MANUAL,
                auth.paymentTime(), auth.authExpiryTime(), DeadlinePolicy.EXPIRE, null);
        kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id, auth.paymentId(),
                null, CLOCK.instant(), "cmd-" + id, payload)).join();
        await().atMost(WAIT).until(() -> store.find(id).blockOptional().isPresent());
        return auth;
    }

    private TestAntom.Authorized captured(String prefix, long value) {
        TestAntom.Authorized auth = authorize(prefix, value);
        kafka.send(Topics.PAYMENTS_COMMANDS, auth.paymentRequestId(), new PaymentCommand("cmd-" + UUID.randomUUID(),
                auth.paymentRequestId(), null, CLOCK.instant(), new CapturePayment(money(value), null), null)).join();
        awaitOne(auth.paymentRequestId(), CaptureSucceeded.class, 1);
        return auth;
    }

    private PaymentCommand refund(TestAntom.Authorized auth, long value, String refundRequestId) {
        PaymentCommand command = new PaymentCommand("cmd-" + UUID.randomUUID(), auth.paymentRequestId(), null,
                CLOCK.instant(), new RefundPayment(refundRequestId, money(value), "returned", null), null);
        kafka.send(Topics.PAYMENTS_COMMANDS, auth.paymentRequestId(), command).join();
        return command;
    }

    private static <T> T awaitOne(String paymentRequestId, Class<T> type, int count) {
        await().atMost(WAIT).until(() -> recorder.events(paymentRequestId, type).size() >= count);
        return recorder.events(paymentRequestId, type).get(count - 1);
    }

    private static void advance(Duration by) {
        CLOCK.advance(by);
        ANTOM.sandbox.control().advanceClock(by);
    }

    private static RefundTotals totals(long captured, long refunded, long pending, long refundable) {
        return new RefundTotals(money(captured), money(refunded), money(pending), money(refundable));
    }

    /** The edge's record of a notifyRefund the sandbox sent to the webhook. */
    private static AlipayNotification notification(TestAntom.Received n) {
        JsonNode json = n.json();
        JsonNode amount = json.path("refundAmount");
        String time = json.path("refundTime").asString(null);
        RefundResultNotification payload = new RefundResultNotification(
                json.path("result").path("resultStatus").asString(), json.path("result").path("resultCode").asString(),
                json.path("result").path("resultMessage").asString(null), json.path("refundStatus").asString(),
                json.path("refundRequestId").asString(), json.path("refundId").asString(),
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
