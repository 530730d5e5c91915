package io.holdfast.capture.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.capture.application.ScheduleStore;
import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.DeadlinePolicy;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.event.CommandRejected;
import io.holdfast.schemas.event.PaymentAuthorized;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.event.RejectionReason;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Records that decode but break Antom's field rules (issue 18): a CapturePayment is refused with
 * CommandRejected(INVALID_FIELD) and dead-lettered before its commandId is recorded or a capture is scheduled; a
 * capture notification is dead-lettered with its reason; the partition moves on.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "holdfast.capture.scheduler.poll-interval=200ms",
        "holdfast.capture.outbox.poll-interval=100ms",
        "holdfast.alipay.base-url=https://localhost:1",
        "holdfast.alipay.client-id=UNUSED"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAYMENTS_COMMANDS, Topics.PAYMENTS_EVENTS,
        Topics.ALIPAY_NOTIFICATIONS, "payments.commands.DLT", "payments.events.DLT", "alipay.notifications.DLT"})
class HostileRecordsIntegrationTests {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final EmbeddedSchemaRegistry REGISTRY = startRegistry();
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ScheduleStore store;

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
        EmbeddedDatabase.register(registry, "capture_hostile_records");
        registry.add("holdfast.schema-registry.url", REGISTRY::url);
        var keys = AlipayKeys.generate(new SecureRandom()); // TEST-ONLY, never used for a call
        registry.add("holdfast.alipay.merchant-private-key", () -> AlipayKeys.toBase64(keys.getPrivate()));
        registry.add("holdfast.alipay.alipay-public-key", () -> AlipayKeys.toBase64(keys.getPublic()));
    }

    @BeforeEach
    void recorder() {
        if (recorder == null) {
            recorder = new Recorder(broker.getBrokersAsString(), REGISTRY.url(), List.of(Topics.PAYMENTS_EVENTS,
                    Topics.deadLetter(Topics.PAYMENTS_COMMANDS), Topics.deadLetter(Topics.ALIPAY_NOTIFICATIONS)));
        }
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void aCaptureOfAnAmountBeyondSixteenDigitsIsRejectedAndNothingIsScheduled() {
        String id = "huge-" + UUID.randomUUID();
        authorized(id, 2500);
        await().atMost(WAIT).until(() -> store.find(id).blockOptional().isPresent());

        send(new PaymentCommand("cmd-" + UUID.randomUUID(), id, null, CLOCK.instant(),
                new CapturePayment(new Money(Long.MAX_VALUE, "USD"), null)));

        await().atMost(WAIT).until(() -> !recorder.events(id, CommandRejected.class).isEmpty());
        CommandRejected rejected = recorder.events(id, CommandRejected.class).get(0);
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.getField()).isEqualTo("payload.amount.valueMinor");
        await().atMost(WAIT).until(() -> !recorder.deadLetterCommands(id).isEmpty());
    }

    /** A 10,000-character commandId does not fit the inbox: it used to fail the insert, retried without end. */
    @Test
    void aCommandIdOfTenThousandCharactersIsRejectedAndThePartitionMovesOn() {
        String id = "long-command-id-" + UUID.randomUUID();
        send(new PaymentCommand("c".repeat(10_000), id, "acme", CLOCK.instant(),
                new CapturePayment(new Money(100L, "USD"), null)));
        String after = "after-" + UUID.randomUUID();
        authorized(after, 2500);
        send(new PaymentCommand("cmd-" + UUID.randomUUID(), after, null, CLOCK.instant(),
                new CapturePayment(new Money(2500L, "US"), null)));

        await().atMost(WAIT).until(() -> !recorder.events(id, CommandRejected.class).isEmpty());
        CommandRejected rejected = recorder.events(id, CommandRejected.class).get(0);
        assertThat(rejected.getField()).isEqualTo("commandId");
        assertThat(rejected.getCommandId()).isNull();
        await().atMost(WAIT).until(() -> !recorder.events(after, CommandRejected.class).isEmpty());
        assertThat(recorder.events(after, CommandRejected.class).get(0).getField())
                .isEqualTo("payload.amount.currency");
    }

    @Test
    void aCaptureNotificationBreakingTheRulesIsDeadLettered() {
        String paymentId = "pay-" + UUID.randomUUID();
        AlipayNotification notification = AlipayNotification.newBuilder()
                .setNotificationId(UUID.randomUUID().toString().replace("-", "")).setReceivedAt(CLOCK.instant())
                .setClientId("SANDBOX_5X00000000000000").setRequestTime("1767225600000")
                .setPayload(CaptureResultNotification.newBuilder().setResultStatus("Q").setResultCode("SUCCESS")
                        .setCaptureRequestId("x".repeat(10_000)).setPaymentId(paymentId).setCaptureId("cap-1")
                        .setCaptureAmount(new Money(100L, "USD")).build())
                .build();

        kafka.send(Topics.ALIPAY_NOTIFICATIONS, paymentId, notification).join();

        await().atMost(WAIT).until(() -> recorder.deadLetters().stream().anyMatch(r -> r instanceof AlipayNotification n
                && paymentId.equals(((CaptureResultNotification) n.getPayload()).getPaymentId())));
    }

    /** authorization-service's PaymentAuthorized: manual capture, seven days to the deadline. */
    private void authorized(String id, long value) {
        String paymentId = "pay-" + UUID.randomUUID();
        PaymentAuthorized payload = new PaymentAuthorized(paymentId, money(value), CaptureMode.MANUAL, CLOCK.instant(),
                CLOCK.instant().plus(Duration.ofDays(7)), DeadlinePolicy.EXPIRE, null);
        kafka.send(Topics.PAYMENTS_EVENTS, id, new PaymentEvent(UUID.randomUUID().toString(), id, paymentId, null,
                CLOCK.instant(), "cmd-" + id, payload)).join();
    }

    private void send(PaymentCommand command) {
        kafka.send(Topics.PAYMENTS_COMMANDS, command.getPaymentRequestId(), command).join();
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
